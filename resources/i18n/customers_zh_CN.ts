<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChatLookupWindow</name>
    <message>
        <source>Chat lookup</source>
        <translation>聊天查客</translation>
    </message>
    <message>
        <source>Look up what I copy</source>
        <translation>复制即查</translation>
    </message>
    <message>
        <source>Add a note and press Enter</source>
        <translation>输入备注后按回车</translation>
    </message>
    <message>
        <source>Add a tag and press Enter</source>
        <translation>输入标签后按回车</translation>
    </message>
    <message>
        <source>Open in the customer book</source>
        <translation>在客户簿中打开</translation>
    </message>
    <message>
        <source>No customer matches “%1”.</source>
        <translation>没有客户匹配“%1”。</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>阶段：</translation>
    </message>
    <message>
        <source>Birthday:</source>
        <translation>生日：</translation>
    </message>
    <message>
        <source>VIP notes:</source>
        <translation>VIP 备注：</translation>
    </message>
    <message>
        <source>Last orders:</source>
        <translation>最近订单：</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>勿扰</translation>
    </message>
    <message>
        <source>Account, nickname, phone, order number, pinyin…</source>
        <translation>账号、昵称、手机号、订单号、拼音…</translation>
    </message>
    <message>
        <source>Type or copy a buyer&apos;s account, nickname, phone or order number.</source>
        <translation>输入或复制买家的账号、昵称、手机号或订单号。</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Member:</source>
        <translation>会员：</translation>
    </message>
    <message numerus="yes">
        <source>%Ln points</source>
        <translation>
            <numerusform>%Ln 积分</numerusform>
        </translation>
    </message>
    <message>
        <source>From the chat lookup</source>
        <translation>来自聊天查客</translation>
    </message>
    <message>
        <source>Note saved.</source>
        <translation>备注已保存。</translation>
    </message>
    <message>
        <source>Tag added.</source>
        <translation>标签已添加。</translation>
    </message>
</context>
<context>
    <name>CustomerDeleter</name>
    <message numerus="yes">
        <source>Delete %Ln customers with their notes, tags and aliases? Their orders stay in your sales records, without a customer. This cannot be undone.</source>
        <translation>
            <numerusform>删除这 %Ln 位客户及其备注、标签和别名？他们的订单仍保留在销售记录中，只是不再关联客户。此操作无法撤销。</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete customers</source>
        <translation>删除客户</translation>
    </message>
</context>
<context>
    <name>CustomerDetailPanel</name>
    <message>
        <source>Choose a customer to see everything about them.</source>
        <translation>选择一位客户，查看他的全部信息。</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Reveal phone</source>
        <translation>显示完整号码</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>保存资料</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>✓ Saved.</source>
        <translation>✓ 已保存。</translation>
    </message>
    <message>
        <source>Delete customer…</source>
        <translation>删除客户…</translation>
    </message>
    <message>
        <source>Accounts:</source>
        <translation>账号：</translation>
    </message>
    <message>
        <source>Seen in imports as:</source>
        <translation>导入中出现的身份：</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>tag1, tag2</source>
        <translation>标签1, 标签2</translation>
    </message>
    <message>
        <source>Save tags</source>
        <translation>保存标签</translation>
    </message>
    <message>
        <source>VIP and contact</source>
        <translation>VIP 与联系</translation>
    </message>
    <message>
        <source>VIP customer</source>
        <translation>VIP 客户</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>勿扰</translation>
    </message>
    <message>
        <source>Why (e.g. asked us to stop messaging)</source>
        <translation>原因（例如：要求不要再发消息）</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>记录：</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Solar (公历)</source>
        <translation>公历</translation>
    </message>
    <message>
        <source>Lunar (农历)</source>
        <translation>农历</translation>
    </message>
    <message>
        <source>year unknown</source>
        <translation>年份未知</translation>
    </message>
    <message>
        <source>Leap month (闰月)</source>
        <translation>闰月</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Calendar:</source>
        <translation>历法：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>出生年：</translation>
    </message>
    <message>
        <source>Save birthday</source>
        <translation>保存生日</translation>
    </message>
    <message>
        <source>VIP notes</source>
        <translation>VIP 备注</translation>
    </message>
    <message>
        <source>Add VIP note…</source>
        <translation>添加 VIP 备注…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>Save your changes to %1?</source>
        <translation>保存对 %1 的修改吗？</translation>
    </message>
    <message>
        <source>%1 — Laoke</source>
        <translation>%1 — 老客</translation>
    </message>
    <message>
        <source>By tag rules: %1</source>
        <translation>由标签规则打上：%1</translation>
    </message>
    <message>
        <source>Paid orders: %1 · Total spent: ¥%2 · Average order: %3 · First order: %4 · Last order: %5 · Median days between purchases (what overdue divides by): %6</source>
        <translation>已付订单：%1 · 累计消费：¥%2 · 客单价：%3 · 首单：%4 · 最近一单：%5 · 回购间隔中位数（天，逾期倍数以此计算）：%6</translation>
    </message>
    <message>
        <source>Nothing to save: no field was changed.</source>
        <translation>没有要保存的内容：没有修改任何字段。</translation>
    </message>
    <message>
        <source>Delete the note</source>
        <translation>删除备注</translation>
    </message>
    <message>
        <source>Delete this note?

%1</source>
        <translation>删除这条备注吗？

%1</translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation>添加备注…</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Do not contact since %2: %1</source>
        <translation>自 %2 起勿扰：%1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1: marked do not contact (%2)</source>
        <translation>%1：标记为勿扰（%2）</translation>
    </message>
    <message>
        <source>%1: may contact again</source>
        <translation>%1：恢复可联系</translation>
    </message>
    <message>
        <source>No birthday yet.</source>
        <translation>还没有生日信息。</translation>
    </message>
    <message>
        <source>This year: %1</source>
        <translation>今年：%1</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>下次：%1</translation>
    </message>
    <message>
        <source>Age: %1</source>
        <translation>年龄：%1</translation>
    </message>
    <message>
        <source>This birthday is not a date: %1</source>
        <translation>这个生日不是有效日期：%1</translation>
    </message>
    <message>
        <source>Add a VIP note</source>
        <translation>添加 VIP 备注</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Edit the note</source>
        <translation>编辑备注</translation>
    </message>
</context>
<context>
    <name>CustomerExportNames</name>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>First order</source>
        <translation>首次下单</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>customers</source>
        <comment>in the export&apos;s file name</comment>
        <translation>客户</translation>
    </message>
</context>
<context>
    <name>CustomerLabels</name>
    <message>
        <source>Prospect</source>
        <translation>潜水客户</translation>
    </message>
    <message>
        <source>Interested</source>
        <translation>兴趣客户</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>老客户</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>忠实粉丝</translation>
    </message>
    <message>
        <source>Dormant</source>
        <translation>睡眠客户</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>流失客户</translation>
    </message>
    <message>
        <source>Taobao/Tmall</source>
        <translation>淘宝/天猫</translation>
    </message>
    <message>
        <source>JD</source>
        <translation>京东</translation>
    </message>
    <message>
        <source>Pinduoduo</source>
        <translation>拼多多</translation>
    </message>
    <message>
        <source>Douyin</source>
        <translation>抖音</translation>
    </message>
    <message>
        <source>Kuaishou</source>
        <translation>快手</translation>
    </message>
    <message>
        <source>WeChat shop</source>
        <translation>微信小店</translation>
    </message>
    <message>
        <source>Youzan</source>
        <translation>有赞</translation>
    </message>
    <message>
        <source>Shopify</source>
        <translation>Shopify</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Buyer account</source>
        <translation>买家账号</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>昵称</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Second phone</source>
        <translation>备用电话</translation>
    </message>
    <message>
        <source>WeChat id</source>
        <translation>微信号</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Name and address</source>
        <translation>姓名和地址</translation>
    </message>
    <message>
        <source>unpaid</source>
        <translation>未付款</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>昵称</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Paid orders</source>
        <translation>已付订单</translation>
    </message>
    <message>
        <source>Total spent</source>
        <translation>累计消费</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>最近下单</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>勿扰</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Member tier</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Still a customer</source>
        <translation>仍是客户</translation>
    </message>
    <message>
        <source>Expected in 90 days</source>
        <translation>90天预计购买</translation>
    </message>
    <message>
        <source>Next order value</source>
        <translation>预计下单金额</translation>
    </message>
    <message>
        <source>Next order</source>
        <translation>预计下单</translation>
    </message>
    <message>
        <source>Given by tag rules (outlined): %1</source>
        <translation>由标签规则打上（空心标签）：%1</translation>
    </message>
    <message>
        <source>Days since the last paid order ÷ this buyer&apos;s median gap of %1 days</source>
        <translation>距上次付款订单的天数 ÷ 该客户的购买间隔中位数 %1 天</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Everyone who ever bought from your shop.</source>
        <translation>在你店里买过东西的每一位客户。</translation>
    </message>
    <message>
        <source>Your customer book is empty</source>
        <translation>客户簿还是空的</translation>
    </message>
    <message>
        <source>Import the order sheets your shop back-end exports, or look around a demo shop first.</source>
        <translation>导入店铺后台导出的订单表，或者先看看示例店铺。</translation>
    </message>
    <message>
        <source>Import order sheets…</source>
        <translation>导入订单表…</translation>
    </message>
    <message>
        <source>Open the demo shop</source>
        <translation>打开示例店铺</translation>
    </message>
    <message>
        <source>Search name, nickname, phone or its last 4 digits, order number, WeChat, tag, pinyin (zxm)…</source>
        <translation>搜索姓名、昵称、手机号或尾号4位、订单号、微信、标签、拼音（zxm）…</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Save as segment…</source>
        <translation>存为分组…</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Tags…</source>
        <translation>标签管理…</translation>
    </message>
    <message>
        <source>Tag rules…</source>
        <translation>标签规则…</translation>
    </message>
    <message>
        <source>Duplicates…</source>
        <translation>重复客户…</translation>
    </message>
    <message>
        <source>Show everyone</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>Add tags…</source>
        <translation>加标签…</translation>
    </message>
    <message>
        <source>Remove tags…</source>
        <translation>去标签…</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Set VIP</source>
        <translation>设为 VIP</translation>
    </message>
    <message>
        <source>Clear VIP</source>
        <translation>取消 VIP</translation>
    </message>
    <message>
        <source>Do not contact…</source>
        <translation>设为勿扰…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Names in red: do not contact</source>
        <translation>红色名字：勿扰</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln customers)</source>
        <translation>
            <numerusform>%1（%Ln 位客户）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <translation>
            <numerusform>%Ln 位客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln customers</source>
        <translation>
            <numerusform>%1 / 共 %Ln 位客户</numerusform>
        </translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln customers to %1</source>
        <translation>
            <numerusform>已导出 %Ln 位客户到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>only the first matches are shown: type more to narrow the search</source>
        <translation>只显示了前面的匹配结果：多输入几个字可缩小范围</translation>
    </message>
    <message>
        <source>%1 selected</source>
        <translation>已选 %1 位</translation>
    </message>
    <message>
        <source>Add tags</source>
        <translation>加标签</translation>
    </message>
    <message>
        <source>Remove tags</source>
        <translation>去标签</translation>
    </message>
    <message>
        <source>Tags, separated by commas:</source>
        <translation>标签，用逗号分隔：</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>勿扰</translation>
    </message>
    <message>
        <source>Why should these customers not be contacted?</source>
        <translation>为什么不要联系这些客户？</translation>
    </message>
    <message>
        <source>Export customers</source>
        <translation>导出客户</translation>
    </message>
    <message>
        <source>Exporting customers…</source>
        <translation>正在导出客户…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Save as segment</source>
        <translation>存为分组</translation>
    </message>
    <message>
        <source>Name for the customers this filter finds:</source>
        <translation>给这个筛选找到的客户起个名字：</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Possible duplicates</source>
        <translation>疑似重复客户</translation>
    </message>
    <message>
        <source>same phone</source>
        <translation>手机号相同</translation>
    </message>
    <message>
        <source>same name and address</source>
        <translation>姓名和地址相同</translation>
    </message>
    <message>
        <source>similar nickname on another platform</source>
        <translation>其他平台上的相似昵称</translation>
    </message>
    <message>
        <source>Merge right into left</source>
        <translation>把右边合并到左边</translation>
    </message>
    <message>
        <source>Undo last merge</source>
        <translation>撤销上次合并</translation>
    </message>
    <message numerus="yes">
        <source>%Ln possible duplicates</source>
        <translation>
            <numerusform>%Ln 组疑似重复</numerusform>
        </translation>
    </message>
    <message>
        <source>No possible duplicates: no two customers share a phone, a name and address, or a nickname across platforms.</source>
        <translation>没有疑似重复：没有两位客户的手机号相同、姓名和地址相同，或在不同平台上昵称相似。</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Merged. You can undo this merge.</source>
        <translation>已合并，可以撤销。</translation>
    </message>
</context>
<context>
    <name>FiltersPanel</name>
    <message>
        <source>any of: tag1, tag2</source>
        <translation>任一：标签1, 标签2</translation>
    </message>
    <message>
        <source>all of: tag1, tag2</source>
        <translation>全部：标签1, 标签2</translation>
    </message>
    <message>
        <source>none of: tag1, tag2</source>
        <translation>都没有：标签1, 标签2</translation>
    </message>
    <message>
        <source>Any stage</source>
        <translation>任意阶段</translation>
    </message>
    <message>
        <source>Any platform</source>
        <translation>任意平台</translation>
    </message>
    <message>
        <source>Any shop</source>
        <translation>任意店铺</translation>
    </message>
    <message>
        <source>any of: 银卡, 金卡</source>
        <translation>任一：银卡, 金卡</translation>
    </message>
    <message>
        <source>VIP or not</source>
        <translation>是否 VIP 均可</translation>
    </message>
    <message>
        <source>VIP only</source>
        <translation>仅 VIP</translation>
    </message>
    <message>
        <source>Not VIP</source>
        <translation>非 VIP</translation>
    </message>
    <message>
        <source>Contact or not</source>
        <translation>是否勿扰均可</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>勿扰</translation>
    </message>
    <message>
        <source>May contact</source>
        <translation>可联系</translation>
    </message>
    <message>
        <source>Any birthday</source>
        <translation>生日不限</translation>
    </message>
    <message>
        <source>Birthday this month</source>
        <translation>本月生日</translation>
    </message>
    <message>
        <source>Birthday in the next</source>
        <translation>生日在未来</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天内</translation>
    </message>
    <message>
        <source>Tags (any):</source>
        <translation>标签（任一）：</translation>
    </message>
    <message>
        <source>Tags (all / none):</source>
        <translation>标签（全部 / 都没有）：</translation>
    </message>
    <message>
        <source>Platform / shop:</source>
        <translation>平台 / 店铺：</translation>
    </message>
    <message>
        <source>VIP / member tier:</source>
        <translation>VIP / 会员等级：</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>阶段：</translation>
    </message>
    <message>
        <source>Province:</source>
        <translation>省份：</translation>
    </message>
    <message>
        <source>City:</source>
        <translation>城市：</translation>
    </message>
    <message>
        <source>Do not contact:</source>
        <translation>勿扰：</translation>
    </message>
    <message>
        <source>Birthday:</source>
        <translation>生日：</translation>
    </message>
    <message>
        <source>Spent from / to:</source>
        <translation>消费金额 从 / 到：</translation>
    </message>
    <message>
        <source>Paid orders from / to:</source>
        <translation>已付订单 从 / 到：</translation>
    </message>
    <message>
        <source>Last order after:</source>
        <translation>最近下单晚于：</translation>
    </message>
    <message>
        <source>Last order before:</source>
        <translation>最近下单早于：</translation>
    </message>
</context>
<context>
    <name>SegmentsBar</name>
    <message>
        <source>All customers (%1)</source>
        <translation>全部客户（%1）</translation>
    </message>
    <message>
        <source>Delete segment “%1”</source>
        <translation>删除分组“%1”</translation>
    </message>
</context>
<context>
    <name>TagManagerDialog</name>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Most used first. Deleting a tag removes it from every customer.</source>
        <translation>按使用次数排序。删除标签会从所有客户身上移除它。</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>颜色…</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %Ln customers</source>
        <translation>
            <numerusform>%1 — %Ln 位客户</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a tag in the list first.</source>
        <translation>请先在列表中选择一个标签。</translation>
    </message>
    <message>
        <source>New tag</source>
        <translation>新建标签</translation>
    </message>
    <message>
        <source>Tag name:</source>
        <translation>标签名：</translation>
    </message>
    <message>
        <source>New tag name:</source>
        <translation>新标签名：</translation>
    </message>
    <message>
        <source>Rename tag</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <source>Tag colour</source>
        <translation>标签颜色</translation>
    </message>
    <message>
        <source>Merge tags</source>
        <translation>合并标签</translation>
    </message>
    <message>
        <source>Give everyone tagged “%1” this tag instead:</source>
        <translation>把所有带“%1”标签的客户改为这个标签：</translation>
    </message>
    <message>
        <source>The tag rules that give it are deleted with it.</source>
        <translation>打这个标签的标签规则也会一并删除。</translation>
    </message>
    <message>
        <source>Delete tag</source>
        <translation>删除标签</translation>
    </message>
    <message numerus="yes">
        <source>Delete the tag “%1”? %Ln customers will lose it.</source>
        <translation>
            <numerusform>删除标签“%1”？%Ln 位客户将失去这个标签。</numerusform>
        </translation>
    </message>
</context>
</TS>
