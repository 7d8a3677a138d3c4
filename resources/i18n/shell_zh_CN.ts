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
