<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>InsightsPage</name>
    <message>
        <source>Insights</source>
        <translation>洞察</translation>
    </message>
    <message>
        <source>Lifecycle stages, RFM and the shop&apos;s repeat-customer health.</source>
        <translation>客户生命周期、RFM 分析和店铺的复购健康度。</translation>
    </message>
</context>
</TS>
