<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CareNames</name>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Holiday greeting</source>
        <translation>节日问候</translation>
    </message>
    <message>
        <source>Unpaid reminder</source>
        <translation>催付</translation>
    </message>
    <message>
        <source>Shipped notice</source>
        <translation>发货通知</translation>
    </message>
    <message>
        <source>Usage follow-up</source>
        <translation>使用回访</translation>
    </message>
    <message>
        <source>Review request</source>
        <translation>邀请评价</translation>
    </message>
    <message>
        <source>Refund care</source>
        <translation>退款关怀</translation>
    </message>
    <message>
        <source>First-purchase anniversary</source>
        <translation>相识纪念日</translation>
    </message>
    <message>
        <source>Win-back</source>
        <translation>沉睡唤回</translation>
    </message>
    <message>
        <source>Repurchase reminder</source>
        <translation>复购提醒</translation>
    </message>
    <message>
        <source>VIP check-in</source>
        <translation>VIP 回访</translation>
    </message>
    <message>
        <source>Member day</source>
        <translation>会员日</translation>
    </message>
    <message>
        <source>Birthdays</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Tier upgrade congratulations</source>
        <translation>升级祝贺</translation>
    </message>
    <message>
        <source>Care tasks</source>
        <translation>关怀任务</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Laoke care calendar</source>
        <translation>老客关怀日历</translation>
    </message>
    <message>
        <source>🎂 {name}&apos;s birthday</source>
        <translation>🎂 {name} 生日</translation>
    </message>
    <message>
        <source>🎂 {name}&apos;s birthday (lunar)</source>
        <translation>🎂 {name} 生日（农历）</translation>
    </message>
    <message>
        <source>{rule}: {name}</source>
        <translation>{rule}：{name}</translation>
    </message>
    <message>
        <source>Platform chat</source>
        <translation>平台客服</translation>
    </message>
    <message>
        <source>Prepare</source>
        <translation>准备</translation>
    </message>
    <message>
        <source>Days ahead</source>
        <translation>提前天数</translation>
    </message>
    <message>
        <source>Greet on the day</source>
        <translation>当天祝福</translation>
    </message>
    <message>
        <source>Preparation reminder</source>
        <translation>准备提醒</translation>
    </message>
    <message>
        <source>Days before</source>
        <translation>提前天数</translation>
    </message>
    <message>
        <source>Festivals</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>Hours after the order</source>
        <translation>下单后小时数</translation>
    </message>
    <message>
        <source>Days after</source>
        <translation>之后天数</translation>
    </message>
    <message>
        <source>Days after the first purchase</source>
        <translation>首购后天数</translation>
    </message>
    <message>
        <source>Late by (× own rhythm)</source>
        <translation>晚于自身节奏（倍数）</translation>
    </message>
    <message>
        <source>Product gaps in days (龙井=60, …)</source>
        <translation>商品复购间隔天数（龙井=60, …）</translation>
    </message>
    <message>
        <source>Also use each product&apos;s gap measured in the shop</source>
        <translation>同时按店里实测的各商品复购间隔提醒</translation>
    </message>
    <message>
        <source>Measured from at least N repeat buyers</source>
        <translation>至少 N 位回购买家才算数</translation>
    </message>
    <message>
        <source>Every N days</source>
        <translation>每隔天数</translation>
    </message>
    <message>
        <source>Day of the month</source>
        <translation>每月几号</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Gift per tier</source>
        <translation>各等级的礼物</translation>
    </message>
    <message>
        <source>Counts toward the frequency cap</source>
        <translation>计入频次上限</translation>
    </message>
    <message>
        <source>Salutation (王女士)</source>
        <translation>称呼（王女士）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>昵称</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>店铺名</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Festival</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>Gift note</source>
        <translation>礼物</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Member tier</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>its reason no longer holds</source>
        <translation>原因已不存在</translation>
    </message>
    <message>
        <source>frequency cap</source>
        <translation>频次上限</translation>
    </message>
    <message>
        <source>the buyer asked not to be contacted</source>
        <translation>客户要求勿扰</translation>
    </message>
</context>
<context>
    <name>CarePage</name>
    <message>
        <source>Care calendar</source>
        <translation>关怀日历</translation>
    </message>
    <message>
        <source>Whom to greet, thank, remind or win back today.</source>
        <translation>今天该问候、感谢、提醒或召回哪些客户。</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Apply the rules again to the latest orders and customers</source>
        <translation>按最新的订单和客户重新应用规则</translation>
    </message>
    <message>
        <source>Rules…</source>
        <translation>规则…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>The day&apos;s tasks to Excel…</source>
        <translation>当天任务导出为 Excel…</translation>
    </message>
    <message>
        <source>The month&apos;s tasks to Excel…</source>
        <translation>本月任务导出为 Excel…</translation>
    </message>
    <message>
        <source>Calendar for a year to .ics…</source>
        <translation>一年的日历导出为 .ics…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Care task for %1</source>
        <translation>%1 的关怀任务</translation>
    </message>
    <message>
        <source>Generating care tasks…</source>
        <translation>正在生成关怀任务…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>已取消：没有做任何更改。</translation>
    </message>
    <message>
        <source>Planned again from the rules</source>
        <translation>已按规则重新生成</translation>
    </message>
    <message numerus="yes">
        <source>%Ln tasks, %1 overdue</source>
        <translation>
            <numerusform>%Ln 个任务，%1 个已逾期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln tasks</source>
        <translation>
            <numerusform>%Ln 个任务</numerusform>
        </translation>
    </message>
    <message>
        <source>Today is the day shown.</source>
        <translation>当前显示的就是今天。</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %Ln items to %1</source>
        <translation>
            <numerusform>已将 %Ln 项写入 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Today, %1 — overdue tasks first</source>
        <translation>今天 %1 — 逾期任务在前</translation>
    </message>
    <message>
        <source>Agenda for %1</source>
        <translation>%1 的任务</translation>
    </message>
    <message>
        <source>%1 marked done</source>
        <translation>已完成 %1 个</translation>
    </message>
    <message>
        <source>%1 snoozed</source>
        <translation>已推迟 %1 个</translation>
    </message>
    <message>
        <source>%1 skipped</source>
        <translation>已跳过 %1 个</translation>
    </message>
    <message>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar 日历 (*.ics)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
</context>
<context>
    <name>CareSettingsSection</name>
    <message>
        <source>Care calendar</source>
        <translation>关怀日历</translation>
    </message>
    <message>
        <source>as buyers know it, e.g. 老客茶铺</source>
        <translation>买家认识的店名，例如 老客茶铺</translation>
    </message>
    <message>
        <source>Messages say it where a template has {店铺}; empty: the shop name in your imported order sheets</source>
        <translation>消息模板里的 {店铺} 会换成它；留空则用导入订单表里的店铺名称</translation>
    </message>
    <message>
        <source>Shop name:</source>
        <translation>店铺名称：</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>每位客户最多</translation>
    </message>
    <message numerus="yes">
        <source>days</source>
        <translation>
            <numerusform>天</numerusform>
        </translation>
    </message>
    <message>
        <source>Frequency cap:</source>
        <translation>频次上限：</translation>
    </message>
    <message>
        <source>Send window:</source>
        <translation>发送时段：</translation>
    </message>
    <message>
        <source>【Shop name】 (empty: the shop name)</source>
        <translation>【店铺名】（留空：使用店铺名）</translation>
    </message>
    <message>
        <source>SMS signature:</source>
        <translation>短信签名：</translation>
    </message>
    <message>
        <source>Opt-out phrase:</source>
        <translation>退订用语：</translation>
    </message>
    <message>
        <source>Skip them: plan only what falls due from the import on</source>
        <translation>跳过：只安排导入之后才到期的关怀</translation>
    </message>
    <message>
        <source>Catch up: win back long-quiet buyers over a week, follow up old orders</source>
        <translation>补做：一周内分批召回久未购买的客户，旧订单也回访</translation>
    </message>
    <message>
        <source>A first import brings years of orders: without this, every buyer who went quiet long ago would be a win-back on the day of the import.</source>
        <translation>首次导入会带来多年的订单：若不设置，每位很久没来的买家都会在导入当天变成一条召回任务。</translation>
    </message>
    <message>
        <source>Care due before an import:</source>
        <translation>导入前已到期的关怀：</translation>
    </message>
    <message>
        <source>Today lists orders still unpaid from this many days: Taobao, Pinduoduo and Douyin close an unpaid order after one to three days.</source>
        <translation>今日页列出这么多天内仍未付款的订单：淘宝、拼多多和抖音会在一到三天后关闭未付款订单。</translation>
    </message>
    <message>
        <source>Remind unpaid orders for:</source>
        <translation>催付未付款订单：</translation>
    </message>
    <message>
        <source>Save care settings</source>
        <translation>保存关怀设置</translation>
    </message>
    <message numerus="yes">
        <source>messages per buyer in</source>
        <translation>
            <numerusform>条消息，每</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> days</source>
        <comment>after a number</comment>
        <translation>
            <numerusform> 天</numerusform>
        </translation>
    </message>
    <message>
        <source>The send window must start before it ends.</source>
        <translation>发送时段的开始时间必须早于结束时间。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>GiftTable</name>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Everyone else</source>
        <translation>其他所有人</translation>
    </message>
    <message>
        <source>Member tier %1</source>
        <translation>会员等级 %1</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>礼物</translation>
    </message>
</context>
<context>
    <name>MonthView</name>
    <message>
        <source>The official schedule of days off and make-up workdays for %1 is not published yet.</source>
        <translation>%1 年的官方放假和调休安排尚未公布。</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Care rules</source>
        <translation>关怀规则</translation>
    </message>
    <message>
        <source>Under the frequency cap, the rule with the higher priority wins</source>
        <translation>触达频次受限时，优先级高的规则优先</translation>
    </message>
    <message>
        <source>Tick a rule in the list to switch it on.</source>
        <translation>在左侧列表勾选规则即可启用。</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>优先级：</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Applies to (empty: everyone)</source>
        <translation>适用客户（留空：全部）</translation>
    </message>
    <message>
        <source>Stages:</source>
        <translation>阶段：</translation>
    </message>
    <message>
        <source>Platforms:</source>
        <translation>平台：</translation>
    </message>
    <message>
        <source>Tag names, comma-separated</source>
        <translation>标签名，用逗号分隔</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Member tier names, comma-separated (empty: every buyer)</source>
        <translation>会员等级名称，用逗号分隔（留空：所有客户）</translation>
    </message>
    <message>
        <source>Member tiers:</source>
        <translation>会员等级：</translation>
    </message>
    <message>
        <source>VIP only</source>
        <translation>仅 VIP</translation>
    </message>
    <message>
        <source>Minimum spend:</source>
        <translation>最低消费：</translation>
    </message>
    <message>
        <source>Message template</source>
        <translation>消息模板</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>插入</translation>
    </message>
    <message>
        <source>Placeholder:</source>
        <translation>占位符：</translation>
    </message>
    <message>
        <source>Preview for:</source>
        <translation>预览客户：</translation>
    </message>
    <message>
        <source>Empty: every buyer. The shop&apos;s tiers: %1</source>
        <translation>留空：所有客户。本店等级：%1</translation>
    </message>
    <message>
        <source>Cannot read “%1” in %2.</source>
        <translation>无法识别 %2 中的“%1”。</translation>
    </message>
    <message>
        <source>“%1” is as Laoke first set it: nothing to restore.</source>
        <translation>“%1”就是老客的初始设置，无需恢复。</translation>
    </message>
    <message>
        <source>⚠ Nothing to fill in for %1 with this buyer or shop: such tasks are flagged, never sent with a gap.</source>
        <translation>⚠ 这位买家或店铺没有可填入「%1」的内容：这样的任务会被标出，绝不会带着空缺发出。</translation>
    </message>
    <message numerus="yes">
        <source>%n characters</source>
        <translation>
            <numerusform>%n 个字</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown placeholders: %1</source>
        <translation>未知占位符：%1</translation>
    </message>
</context>
<context>
    <name>SmsCounter</name>
    <message numerus="yes">
        <source>%n characters with the signature · %1 SMS (%2 per message)</source>
        <translation>
            <numerusform>含签名 %n 个字 · %1 条短信（每条 %2 字）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>bills as %n messages</source>
        <translation>
            <numerusform>按 %n 条计费</numerusform>
        </translation>
    </message>
    <message>
        <source>no opt-out phrase (%1)</source>
        <translation>缺少退订用语（%1）</translation>
    </message>
</context>
<context>
    <name>TaskPanel</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Start this task (show the number)</source>
        <translation>开始此任务（显示号码）</translation>
    </message>
    <message>
        <source>Rep mode masks phones. Starting the task shows this buyer&apos;s number for it; the owner sees it in the audit log.</source>
        <translation>客服模式下电话号码已隐藏。开始此任务会显示这位买家的号码，店主可在审计日志中看到。</translation>
    </message>
    <message>
        <source>Show in the customer book</source>
        <translation>在客户簿中查看</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>复制消息</translation>
    </message>
    <message>
        <source>Work the task</source>
        <translation>处理任务</translation>
    </message>
    <message>
        <source>Optional note for the customer&apos;s timeline</source>
        <translation>可选：写入客户时间线的备注</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Contacted by:</source>
        <translation>联系方式：</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>推迟</translation>
    </message>
    <message>
        <source>Snooze to:</source>
        <translation>推迟到：</translation>
    </message>
    <message>
        <source>Why skip (required)</source>
        <translation>跳过原因（必填）</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Skip:</source>
        <translation>跳过：</translation>
    </message>
    <message>
        <source>Select a task in the agenda.</source>
        <translation>请在任务列表中选择一个任务。</translation>
    </message>
    <message>
        <source>%1 tasks selected: the actions apply to all of them.</source>
        <translation>已选 %1 个任务：操作将应用于全部。</translation>
    </message>
    <message numerus="yes">
        <source>%n characters</source>
        <translation>
            <numerusform>%n 个字</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ Nothing to fill in for %1: give it in Settings (the shop&apos;s name) or write the message yourself before sending.</source>
        <translation>⚠ 没有可填入「%1」的内容：请在设置中填写（如店铺名称），或发送前自己改写这条消息。</translation>
    </message>
    <message numerus="yes">
        <source>Stage: %1 · %Ln paid orders · spent ¥%2</source>
        <translation>
            <numerusform>阶段：%1 · 已付款订单 %Ln 笔 · 消费 ¥%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Outside the send window (%1–%2): better contact the buyer after %1.</source>
        <translation>现在不在发送时段（%1–%2）内：建议 %1 之后再联系客户。</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>电话：%1</translation>
    </message>
    <message>
        <source>WeChat: %1</source>
        <translation>微信：%1</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>标签：%1</translation>
    </message>
    <message>
        <source>Last bought: %1</source>
        <translation>最近购买：%1</translation>
    </message>
    <message>
        <source>Please say why this task is skipped</source>
        <translation>请填写跳过原因</translation>
    </message>
</context>
<context>
    <name>TaskTableModel</name>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1（逾期）</translation>
    </message>
</context>
</TS>
