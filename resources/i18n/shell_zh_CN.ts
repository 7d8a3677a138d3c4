<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BackgroundTask</name>
    <message>
        <source>Laoke could not finish</source>
        <translation>老客未能完成这项操作</translation>
    </message>
</context>
<context>
    <name>ConditionRow</name>
    <message>
        <source>Remove this condition</source>
        <translation>删除此条件</translation>
    </message>
    <message>
        <source>any of: a, b</source>
        <translation>任一：甲, 乙</translation>
    </message>
</context>
<context>
    <name>EditableRows</name>
    <message>
        <source>Removes the row chosen in the table</source>
        <translation>移除表格中选中的一行</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Laoke</source>
        <translation>欢迎使用老客</translation>
    </message>
    <message>
        <source>Care messages greet buyers in your shop&apos;s name, and an SMS must start with your signature in 【】. You can change both later in Settings.</source>
        <translation>关怀消息会以你的店铺名称问候买家，短信必须以【】中的签名开头。两者以后都可以在设置中修改。</translation>
    </message>
    <message>
        <source>e.g. 小满杂货铺</source>
        <translation>例如：小满杂货铺</translation>
    </message>
    <message>
        <source>【your shop】, as registered with your SMS gateway</source>
        <translation>【你的店铺】，与短信平台报备的一致</translation>
    </message>
    <message>
        <source>Shop name:</source>
        <translation>店铺名称：</translation>
    </message>
    <message>
        <source>SMS signature:</source>
        <translation>短信签名：</translation>
    </message>
    <message>
        <source>Skip for now</source>
        <translation>暂时跳过</translation>
    </message>
</context>
<context>
    <name>ForecastLine</name>
    <message numerus="yes">
        <source>Usually every %Ln days (the median gap overdue uses), last bought %1 days ago</source>
        <translation>
            <numerusform>通常每 %Ln 天购买一次（逾期倍数所用的间隔中位数），上次购买在 %1 天前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>One purchase day so far, %Ln days ago</source>
        <translation>
            <numerusform>目前只在一天购买过，%Ln 天前</numerusform>
        </translation>
    </message>
    <message>
        <source>too few buyers in this shop have come back to forecast yet: the overdue column shows the rhythm instead</source>
        <translation>本店回购的客户还太少，暂无法预测：请参考逾期列的购买节奏</translation>
    </message>
    <message>
        <source>%1 % likely still a customer, %2 purchases expected in the next 90 days</source>
        <translation>仍是客户的可能性 %1 %，未来90天预计购买 %2 次</translation>
    </message>
    <message>
        <source>, the next around %1</source>
        <translation>，下次约在 %1</translation>
    </message>
    <message>
        <source> (worth about ¥%1)</source>
        <translation>（约 ¥%1）</translation>
    </message>
</context>
<context>
    <name>HoldoutButton</name>
    <message>
        <source>How well does the forecast fit this shop?</source>
        <translation>预测在本店准不准？</translation>
    </message>
</context>
<context>
    <name>HoldoutDialog</name>
    <message>
        <source>How well the forecast fits this shop</source>
        <translation>预测在本店的准确度</translation>
    </message>
    <message>
        <source>Fitting the model on the earlier orders…</source>
        <translation>正在用较早的订单拟合模型…</translation>
    </message>
    <message>
        <source>Came back before</source>
        <translation>此前回购</translation>
    </message>
    <message>
        <source>Buyers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Bought after</source>
        <translation>此后实际购买</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message numerus="yes">
        <source>Before %1 only %Ln buyers had come back: too few to fit the forecast and check it. The overdue column shows each buyer&apos;s rhythm instead.</source>
        <translation>
            <numerusform>%1 之前只有 %Ln 位客户回购过，太少，无法拟合并检验预测。“逾期”一栏改按每位客户自己的节奏显示。</numerusform>
        </translation>
    </message>
    <message>
        <source>Fitted on the orders up to %1, the forecast expected the purchase days below from %2 to %3; beside it, what the buyers really bought (mean per buyer).</source>
        <translation>用截至 %1 的订单拟合后，预测 %2 至 %3 期间的购买天数如下；旁边是客户实际购买的天数（每位客户的平均值）。</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>%1 times or more</source>
        <translation>%1 次及以上</translation>
    </message>
    <message numerus="yes">
        <source>%Ln times</source>
        <translation>
            <numerusform>%Ln 次</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoyaltySettingsSection</name>
    <message>
        <source>Member tiers and points</source>
        <translation>会员等级与积分</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>From</source>
        <translation>门槛</translation>
    </message>
    <message>
        <source>Tiers, lowest first:</source>
        <translation>等级（由低到高）：</translation>
    </message>
    <message>
        <source>Add tier</source>
        <translation>添加等级</translation>
    </message>
    <message>
        <source>Points per yuan</source>
        <translation>每元积分</translation>
    </message>
    <message>
        <source>Remove tier</source>
        <translation>删除等级</translation>
    </message>
    <message>
        <source>net spend (yuan)</source>
        <translation>累计实付（元）</translation>
    </message>
    <message>
        <source>points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Tiers go by:</source>
        <translation>等级依据：</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>all time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>Count spend of the last:</source>
        <translation>统计最近消费：</translation>
    </message>
    <message>
        <source>Points per yuan paid (base rate):</source>
        <translation>每实付一元得积分（基础倍率）：</translation>
    </message>
    <message>
        <source>A tier&apos;s own rate applies to the orders a buyer places from the day after reaching it. Saving recomputes every buyer&apos;s points and tier; a new rate applies to past orders too.</source>
        <translation>等级的专属倍率适用于客户达到该等级次日起下的订单。保存后会重新计算每位客户的积分和等级；新的倍率也适用于以往订单。</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>奖励</translation>
    </message>
    <message>
        <source>Gives ¥</source>
        <translation>优惠 ¥</translation>
    </message>
    <message>
        <source>Costs points</source>
        <translation>消耗积分</translation>
    </message>
    <message>
        <source>Needs an order of ¥</source>
        <translation>订单满 ¥</translation>
    </message>
    <message>
        <source>Add reward</source>
        <translation>添加奖励</translation>
    </message>
    <message>
        <source>Remove reward</source>
        <translation>删除奖励</translation>
    </message>
    <message>
        <source>Rewards:</source>
        <translation>奖励：</translation>
    </message>
    <message>
        <source>A reward either costs points (100积分抵10元) or needs an order of a minimum spend (满200返20); each use is kept in the buyer&apos;s points ledger.</source>
        <translation>奖励要么消耗积分（100积分抵10元），要么要求订单满一定金额（满200返20）；每次使用都记入客户的积分明细。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>永不过期</translation>
    </message>
    <message>
        <source>at the end of the next year</source>
        <translation>次年年底过期</translation>
    </message>
    <message>
        <source>Points expire:</source>
        <translation>积分过期：</translation>
    </message>
    <message>
        <source>Save and recompute</source>
        <translation>保存并重新计算</translation>
    </message>
    <message>
        <source>base rate</source>
        <translation>基础倍率</translation>
    </message>
    <message>
        <source>Recomputing points and tiers…</source>
        <translation>正在重新计算积分和等级…</translation>
    </message>
    <message>
        <source>Saved: every buyer&apos;s points and tier are up to date.</source>
        <translation>已保存：所有客户的积分和等级均已更新。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Care calendar</source>
        <translation>关怀日历</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>洞察</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Nothing to save: change a customer&apos;s profile or tags in the customer list first.</source>
        <translation>没有要保存的内容：请先在客户列表中修改客户资料或标签。</translation>
    </message>
    <message>
        <source>Switched off in rep mode. Ask the shop owner.</source>
        <translation>客服模式下不可用，请联系店主。</translation>
    </message>
    <message>
        <source>Nothing to delete: choose the customers in the customer list first.</source>
        <translation>没有要删除的客户：请先在客户列表中选择客户。</translation>
    </message>
    <message>
        <source>Connected to the server again.</source>
        <translation>已重新连接到服务器。</translation>
    </message>
    <message>
        <source>Server unreachable: showing what was last read, reconnecting…</source>
        <translation>无法连接服务器：显示的是上次读取的内容，正在重新连接…</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1（只读）</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>%1 — Laoke</source>
        <translation>%1 — 老客</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%Ln care tasks for today, overdue ones included</source>
        <translation>
            <numerusform>今天有 %Ln 个关怀任务（含已逾期的）</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a Laoke database</source>
        <translation>打开老客数据库</translation>
    </message>
    <message>
        <source>Laoke database (*.db);;All files (*)</source>
        <translation>老客数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Creating the demo shop…</source>
        <translation>正在创建示例店铺…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Demo shop</source>
        <translation>示例店铺</translation>
    </message>
    <message>
        <source>About Laoke</source>
        <translation>关于老客</translation>
    </message>
    <message>
        <source>Laoke %1 — a customer book for small online shops, offline on your computer.</source>
        <translation>老客 %1 — 小网店的客户簿，数据离线保存在你的电脑上。</translation>
    </message>
    <message>
        <source>Import still running</source>
        <translation>导入仍在进行</translation>
    </message>
    <message>
        <source>Laoke is still writing an import (or undoing one). Stop it and close? The customer book stays as it was before it started, and you can do it again later.</source>
        <translation>老客正在写入一次导入（或撤销导入）。要停止并关闭吗？客户簿会保持开始之前的样子，之后可以重新来过。</translation>
    </message>
</context>
<context>
    <name>PointsDialog</name>
    <message>
        <source>Adjust points</source>
        <translation>调整积分</translation>
    </message>
    <message>
        <source>Use a reward</source>
        <translation>使用奖励</translation>
    </message>
    <message>
        <source>Another reward (type it)</source>
        <translation>其他奖励（手动填写）</translation>
    </message>
    <message>
        <source>e.g. 100 points = ¥10</source>
        <translation>例如：100积分抵10元</translation>
    </message>
    <message>
        <source>why, e.g. a late parcel</source>
        <translation>原因，例如：快递延误补偿</translation>
    </message>
    <message>
        <source>the order number it came with</source>
        <translation>对应的订单号</translation>
    </message>
    <message>
        <source>Points:</source>
        <translation>积分：</translation>
    </message>
    <message>
        <source>Order:</source>
        <translation>订单：</translation>
    </message>
    <message>
        <source>Reward:</source>
        <translation>兑换内容：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
</context>
<context>
    <name>PointsTab</name>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Order undone</source>
        <translation>订单撤销</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Redemption</source>
        <translation>兑换</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>过期</translation>
    </message>
    <message>
        <source>Reward used</source>
        <translation>使用奖励</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Order or note</source>
        <translation>订单或备注</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>过期日</translation>
    </message>
    <message>
        <source>Adjust points…</source>
        <translation>调整积分…</translation>
    </message>
    <message>
        <source>Use a reward…</source>
        <translation>使用奖励…</translation>
    </message>
    <message>
        <source>no member tier</source>
        <translation>无会员等级</translation>
    </message>
    <message>
        <source> since %1</source>
        <translation>（自 %1 起）</translation>
    </message>
    <message numerus="yes">
        <source>%1%2 · %Ln points</source>
        <translation>
            <numerusform>%1%2 · %Ln 积分</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <source>The new language applies the next time Laoke starts.</source>
        <translation>新的语言将在下次启动老客时生效。</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Open database:</source>
        <translation>当前数据库：</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Close a dialog or a customer&apos;s window</source>
        <translation>关闭对话框或客户窗口</translation>
    </message>
    <message>
        <source>Esc or %1</source>
        <translation>Esc 或 %1</translation>
    </message>
    <message>
        <source>Save in a customer&apos;s window</source>
        <translation>在客户窗口中保存</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Chat lookup:</source>
        <translation>聊天查客：</translation>
    </message>
    <message>
        <source>Press the keys the chat lookup should open with; they work while a Laoke window is in front.</source>
        <translation>按下打开聊天查客的组合键；老客窗口在前台时有效。</translation>
    </message>
</context>
<context>
    <name>TagRulesDialog</name>
    <message>
        <source>Tag rules</source>
        <translation>标签规则</translation>
    </message>
    <message>
        <source>bought a product containing</source>
        <translation>买过标题包含…的商品</translation>
    </message>
    <message>
        <source>spent at least (yuan)</source>
        <translation>累计消费至少（元）</translation>
    </message>
    <message>
        <source>paid orders at least</source>
        <translation>付款订单至少</translation>
    </message>
    <message>
        <source>stage is</source>
        <translation>阶段是</translation>
    </message>
    <message>
        <source>member tier is</source>
        <translation>会员等级是</translation>
    </message>
    <message>
        <source>city is</source>
        <translation>城市是</translation>
    </message>
    <message>
        <source>province is</source>
        <translation>省份是</translation>
    </message>
    <message>
        <source>platform is</source>
        <translation>平台是</translation>
    </message>
    <message>
        <source>last order within (days)</source>
        <translation>最近下单在（天）内</translation>
    </message>
    <message>
        <source>no order within (days)</source>
        <translation>（天）内未下单</translation>
    </message>
    <message>
        <source>has a birthday</source>
        <translation>有生日</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>新建规则</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>删除规则</translation>
    </message>
    <message>
        <source>the tag it gives, e.g. 茶客</source>
        <translation>要打的标签，例如：茶客</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>all of these hold</source>
        <translation>满足全部条件</translation>
    </message>
    <message>
        <source>any of these holds</source>
        <translation>满足任一条件</translation>
    </message>
    <message>
        <source>Tag buyers when:</source>
        <translation>打标签条件：</translation>
    </message>
    <message>
        <source>Add condition</source>
        <translation>添加条件</translation>
    </message>
    <message>
        <source>Save and apply</source>
        <translation>保存并应用</translation>
    </message>
    <message>
        <source>A tag a rule gives goes again when the rule stops holding; tags typed by hand are never touched.</source>
        <translation>规则打的标签在条件不再满足时自动移除；手动添加的标签不受影响。</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %Ln buyers</source>
        <translation>
            <numerusform>%1 — %Ln 位客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This rule tags %Ln buyers now.</source>
        <translation>
            <numerusform>此规则当前会标记 %Ln 位客户。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved: %Ln buyers carry the tag from this rule.</source>
        <translation>
            <numerusform>已保存：%Ln 位客户带有此规则的标签。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>Open the &amp;demo shop</source>
        <translation>打开示例店铺(&amp;D)</translation>
    </message>
    <message>
        <source>Shop name and SMS &amp;signature…</source>
        <translation>店铺名称和短信签名(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Export customers…</source>
        <translation>导出客户(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Save the customer</source>
        <translation>保存客户资料(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Delete customers…</source>
        <translation>删除客户(&amp;D)…</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>设置(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Find a customer</source>
        <translation>查找客户(&amp;F)</translation>
    </message>
    <message>
        <source>Chat &amp;lookup</source>
        <translation>聊天查客(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Customers</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Tags…</source>
        <translation>标签管理(&amp;T)…</translation>
    </message>
    <message>
        <source>Possible &amp;duplicates…</source>
        <translation>疑似重复客户(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Import order sheets…</source>
        <translation>导入订单表(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Import a &amp;customer list…</source>
        <translation>导入客户名单(&amp;C)…</translation>
    </message>
    <message>
        <source>Import &amp;history</source>
        <translation>导入记录(&amp;H)</translation>
    </message>
    <message>
        <source>C&amp;are</source>
        <translation>关怀(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Today&apos;s care tasks</source>
        <translation>今日关怀任务(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Activity log…</source>
        <translation>操作记录(&amp;A)…</translation>
    </message>
    <message>
        <source>Care &amp;rules…</source>
        <translation>关怀规则(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>User &amp;guide</source>
        <translation>使用指南(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Laoke</source>
        <translation>关于老客(&amp;A)</translation>
    </message>
</context>
</TS>
