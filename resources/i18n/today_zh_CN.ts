<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>TodayPage</name>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>What today holds, from the orders and the care calendar.</source>
        <translation>今天要做的事，来自订单和关怀日历。</translation>
    </message>
    <message>
        <source>Care tasks for today</source>
        <translation>今日关怀任务</translation>
    </message>
    <message>
        <source>Unpaid orders to remind</source>
        <translation>待催付订单</translation>
    </message>
    <message>
        <source>Birthdays this week</source>
        <translation>本周生日</translation>
    </message>
    <message>
        <source>VIPs and loyal buyers overdue</source>
        <translation>该回购的 VIP 和忠实客户</translation>
    </message>
    <message>
        <source>Last import</source>
        <translation>上次导入</translation>
    </message>
    <message>
        <source>This month so far</source>
        <translation>本月至今</translation>
    </message>
    <message>
        <source>Drop this week&apos;s order export here, or click to choose it</source>
        <translation>把本周导出的订单表拖到这里，或点击选择文件</translation>
    </message>
    <message numerus="yes">
        <source>The newest order is %Ln days old.</source>
        <translation>
            <numerusform>最新订单是 %Ln 天前的。</numerusform>
        </translation>
    </message>
    <message>
        <source>d</source>
        <comment>the day of the month, as QDate formats it</comment>
        <translation>d日</translation>
    </message>
    <message>
        <source>No order waits for payment.</source>
        <translation>没有待付款的订单。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln buyers with an order still unpaid</source>
        <translation>
            <numerusform>%Ln 位买家有未付款订单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Orders of the last %Ln days (Settings ▸ Care calendar)</source>
        <translation>
            <numerusform>近 %Ln 天的订单（设置 ▸ 关怀日历）</numerusform>
        </translation>
    </message>
    <message>
        <source>Today and the next six days</source>
        <translation>今天及之后六天</translation>
    </message>
    <message>
        <source>No birthday this week.</source>
        <translation>本周没有人过生日。</translation>
    </message>
    <message>
        <source>Half as long again as their usual gap since their last order</source>
        <translation>距上次下单已超过其平常间隔的 1.5 倍</translation>
    </message>
    <message>
        <source>Every regular is on time.</source>
        <translation>老客都在按节奏回购。</translation>
    </message>
    <message>
        <source>Nothing due: the calendar is clear.</source>
        <translation>今天没有待办，日历很清爽。</translation>
    </message>
    <message>
        <source>The newest order is from today.</source>
        <translation>最新订单是今天的。</translation>
    </message>
    <message>
        <source>No orders yet.</source>
        <translation>还没有订单。</translation>
    </message>
    <message>
        <source>The orders here are the demo shop&apos;s, made up on %1: import your own order sheets to see your shop.</source>
        <translation>这里是演示店铺的虚构订单（%1 生成）：导入您自己的订单表格，才能看到您的店铺。</translation>
    </message>
    <message numerus="yes">
        <source>None of the %Ln orders here came from an imported file.</source>
        <translation>
            <numerusform>这里的 %Ln 个订单都不是从导入的文件来的。</numerusform>
        </translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>尚无</translation>
    </message>
    <message>
        <source>New buyers</source>
        <translation>新买家</translation>
    </message>
    <message>
        <source>Returning buyers</source>
        <translation>回头客</translation>
    </message>
    <message>
        <source>Repeat rate</source>
        <translation>复购率</translation>
    </message>
    <message>
        <source>Net revenue</source>
        <translation>净收入</translation>
    </message>
    <message>
        <source>MMM d</source>
        <comment>a day in a month, as QDate formats it</comment>
        <translation>M月d日</translation>
    </message>
</context>
</TS>
