<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChartPanel</name>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>Nothing to export: this chart is empty.</source>
        <translation>没有可导出的内容：此图表为空。</translation>
    </message>
</context>
<context>
    <name>InsightsPage</name>
    <message>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>洞察</translation>
    </message>
    <message>
        <source>Lifecycle stages, RFM and the shop&apos;s repeat-customer health.</source>
        <translation>客户生命周期、RFM 分析和店铺的复购健康度。</translation>
    </message>
    <message>
        <source>Last 24 months</source>
        <translation>最近 24 个月</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>最近 12 个月</translation>
    </message>
    <message>
        <source>Last 6 months</source>
        <translation>最近 6 个月</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>最近 3 个月</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>自定义范围</translation>
    </message>
    <message>
        <source>All shops</source>
        <translation>全部店铺</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Shows the dates typed in From and to; a range from the list applies at once.</source>
        <translation>按“从”“至”中输入的日期显示；从列表中选的时间范围会立即生效。</translation>
    </message>
    <message>
        <source>Export table to Excel…</source>
        <translation>导出表格到 Excel…</translation>
    </message>
    <message>
        <source>Customers by stage</source>
        <translation>各阶段客户数</translation>
    </message>
    <message>
        <source>Stages at each month&apos;s end</source>
        <translation>每月末的客户阶段</translation>
    </message>
    <message>
        <source>New and returning buyers per month</source>
        <translation>每月新客与回头客人数</translation>
    </message>
    <message>
        <source>Revenue from new and returning buyers (¥)</source>
        <translation>新客与回头客销售额（¥）</translation>
    </message>
    <message>
        <source>Days between a buyer&apos;s orders</source>
        <translation>两次购买间隔天数</translation>
    </message>
    <message>
        <source>Buyers by RFM segment</source>
        <translation>各 RFM 分群的买家数</translation>
    </message>
    <message>
        <source>RFM grid: recency (R) × frequency (F), customers</source>
        <translation>RFM 网格：最近购买 (R) × 购买频次 (F)，客户数</translation>
    </message>
    <message>
        <source>Monthly cohorts: share buying again, months after the first order</source>
        <translation>月度同期群：首单后第 N 个月再次购买的比例</translation>
    </message>
    <message>
        <source>Repurchase gap by product</source>
        <translation>各商品复购间隔</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <source>Repeat rate: %1 of buyers bought twice or more · Repurchase cycle: %2 days from the first to the second order (median)</source>
        <translation>复购率：%1 的买家购买两次及以上 · 复购周期：首单到第二单 %2 天（中位数）</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Returning</source>
        <translation>回头客</translation>
    </message>
    <message>
        <source>Repeat purchases</source>
        <translation>复购次数</translation>
    </message>
    <message>
        <source>days: %1</source>
        <translation>距今 %1 天</translation>
    </message>
    <message>
        <source>orders: %1</source>
        <translation>%1 单</translation>
    </message>
    <message>
        <source>%1 as of %2</source>
        <translation>%1（截至 %2）</translation>
    </message>
    <message>
        <source>%1 at the end of %2</source>
        <translation>%2 月末的%1</translation>
    </message>
    <message>
        <source>New buyers in %1</source>
        <translation>%1 的新买家</translation>
    </message>
    <message>
        <source>Returning buyers in %1</source>
        <translation>%1 的回头客</translation>
    </message>
    <message>
        <source>Bought again %1 days after an order</source>
        <translation>间隔 %1 天再次购买</translation>
    </message>
    <message>
        <source>RFM segment: %1</source>
        <translation>RFM 分群：%1</translation>
    </message>
    <message>
        <source>RFM %1 × %2</source>
        <translation>RFM %1 × %2</translation>
    </message>
    <message>
        <source>Bought %1 again</source>
        <translation>再次购买了 %1</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>客户阶段</translation>
    </message>
    <message>
        <source>Repeat buyers</source>
        <translation>复购买家数</translation>
    </message>
    <message>
        <source>Median gap (days)</source>
        <translation>复购间隔中位数（天）</translation>
    </message>
    <message numerus="yes">
        <source>First bought in %1, bought again %n months later</source>
        <translation>
            <numerusform>%1 首次购买，%n 个月后再次购买</numerusform>
        </translation>
    </message>
    <message>
        <source>Health</source>
        <translation>复购健康度</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Repeat rate</source>
        <translation>复购率</translation>
    </message>
    <message>
        <source>Repurchase cycle (days)</source>
        <translation>复购周期（天）</translation>
    </message>
</context>
<context>
    <name>Lifecycle</name>
    <message>
        <source>Prospects</source>
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
        <source>Loyal fans</source>
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
        <source>Champions</source>
        <translation>冠军客户</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>忠诚客户</translation>
    </message>
    <message>
        <source>Promising</source>
        <translation>潜力客户</translation>
    </message>
    <message>
        <source>Can&apos;t lose</source>
        <translation>不可流失客户</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>流失风险客户</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>需关注客户</translation>
    </message>
    <message>
        <source>Hibernating</source>
        <translation>沉睡客户</translation>
    </message>
</context>
<context>
    <name>SeedsModel</name>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Average order value</source>
        <translation>客单价</translation>
    </message>
    <message>
        <source>Revenue share</source>
        <translation>销售额占比</translation>
    </message>
</context>
<context>
    <name>StageThresholdsSection</name>
    <message>
        <source>Lifecycle stages</source>
        <translation>客户生命周期阶段</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source> paid orders</source>
        <translation> 笔已付款订单</translation>
    </message>
    <message>
        <source>Active (new, repeat, loyal): last paid order within</source>
        <translation>活跃（新客户、老客户、忠实粉丝）：最近一次付款在</translation>
    </message>
    <message>
        <source>Lost: no paid order for more than</source>
        <translation>流失：超过以下天数没有付款订单</translation>
    </message>
    <message>
        <source>Repeat buyer from</source>
        <translation>老客户起点</translation>
    </message>
    <message>
        <source>Loyal fan from</source>
        <translation>忠实粉丝起点</translation>
    </message>
    <message>
        <source>In between, a buyer is dormant. Saving recomputes every customer&apos;s stage.</source>
        <translation>介于两者之间的为睡眠客户。保存后将重新计算所有客户的阶段。</translation>
    </message>
    <message>
        <source>Save and recompute stages</source>
        <translation>保存并重新计算阶段</translation>
    </message>
    <message>
        <source>Active days must be fewer than dormant days, and a repeat buyer needs fewer paid orders than a loyal fan.</source>
        <translation>活跃天数必须少于流失天数，且老客户所需的付款订单数必须少于忠实粉丝。</translation>
    </message>
    <message>
        <source>Recomputing stages…</source>
        <translation>正在重新计算阶段…</translation>
    </message>
    <message>
        <source>Saved: every stage is up to date.</source>
        <translation>已保存：所有客户阶段均已更新。</translation>
    </message>
</context>
</TS>
