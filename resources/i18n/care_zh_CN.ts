<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
</context>
</TS>
