<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CarePage</name>
    <message numerus="yes">
        <source>%Ln tasks, %1 overdue</source>
        <translation>
            <numerusform>%Ln task, %1 overdue</numerusform>
            <numerusform>%Ln tasks, %1 overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln tasks</source>
        <translation>
            <numerusform>%Ln task</numerusform>
            <numerusform>%Ln tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %Ln items to %1</source>
        <translation>
            <numerusform>Wrote %Ln item to %1</numerusform>
            <numerusform>Wrote %Ln items to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CareSettingsSection</name>
    <message numerus="yes">
        <source>messages per buyer in</source>
        <translation>
            <numerusform>message per buyer in</numerusform>
            <numerusform>messages per buyer in</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>days</source>
        <translation>
            <numerusform>day</numerusform>
            <numerusform>days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> days</source>
        <comment>after a number</comment>
        <translation>
            <numerusform> day</numerusform>
            <numerusform> days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChatLookupWindow</name>
    <message numerus="yes">
        <source>%Ln points</source>
        <translation>
            <numerusform>%Ln point</numerusform>
            <numerusform>%Ln points</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerDeleter</name>
    <message numerus="yes">
        <source>Delete %Ln customers with their notes, tags and aliases? Their orders stay in your sales records, without a customer. This cannot be undone.</source>
        <translation>
            <numerusform>Delete %Ln customer with their notes, tags and aliases? Their orders stay in your sales records, without a customer. This cannot be undone.</numerusform>
            <numerusform>Delete %Ln customers with their notes, tags and aliases? Their orders stay in your sales records, without a customer. This cannot be undone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerSheetDialog</name>
    <message numerus="yes">
        <source>%1: header on row %2, %Ln customers.</source>
        <translation>
            <numerusform>%1: header on row %2, %Ln customer.</numerusform>
            <numerusform>%1: header on row %2, %Ln customers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %Ln customers</source>
        <translation>
            <numerusform>Import %Ln customer</numerusform>
            <numerusform>Import %Ln customers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message numerus="yes">
        <source>%1 (%Ln customers)</source>
        <translation>
            <numerusform>%1 (%Ln customer)</numerusform>
            <numerusform>%1 (%Ln customers)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln customers</source>
        <translation>
            <numerusform>%1 of %Ln customer</numerusform>
            <numerusform>%1 of %Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln customers to %1</source>
        <translation>
            <numerusform>Exported %Ln customer to %1</numerusform>
            <numerusform>Exported %Ln customers to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message numerus="yes">
        <source>%Ln possible duplicates</source>
        <translation>
            <numerusform>%Ln possible duplicate</numerusform>
            <numerusform>%Ln possible duplicates</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ForecastLine</name>
    <message numerus="yes">
        <source>Usually every %Ln days (the median gap overdue uses), last bought %1 days ago</source>
        <translation>
            <numerusform>Usually every %Ln day (the median gap overdue uses), last bought %1 days ago</numerusform>
            <numerusform>Usually every %Ln days (the median gap overdue uses), last bought %1 days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>One purchase day so far, %Ln days ago</source>
        <translation>
            <numerusform>One purchase day so far, %Ln day ago</numerusform>
            <numerusform>One purchase day so far, %Ln days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HoldoutDialog</name>
    <message numerus="yes">
        <source>Before %1 only %Ln buyers had come back: too few to fit the forecast and check it. The overdue column shows each buyer&apos;s rhythm instead.</source>
        <translation>
            <numerusform>Before %1 only %Ln buyer had come back: too few to fit the forecast and check it. The overdue column shows each buyer&apos;s rhythm instead.</numerusform>
            <numerusform>Before %1 only %Ln buyers had come back: too few to fit the forecast and check it. The overdue column shows each buyer&apos;s rhythm instead.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln times</source>
        <translation>
            <numerusform>%Ln time</numerusform>
            <numerusform>%Ln times</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message numerus="yes">
        <source>%Ln rows cannot be read and will be left out (see the list). Import the rest?</source>
        <translation>
            <numerusform>%Ln row cannot be read and will be left out (see the list). Import the rest?</numerusform>
            <numerusform>%Ln rows cannot be read and will be left out (see the list). Import the rest?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import the good rows (%Ln orders)</source>
        <translation>
            <numerusform>Import the good rows (%Ln order)</numerusform>
            <numerusform>Import the good rows (%Ln orders)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %Ln orders</source>
        <translation>
            <numerusform>Import %Ln order</numerusform>
            <numerusform>Import %Ln orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show the %Ln new customers</source>
        <translation>
            <numerusform>Show the new customer</numerusform>
            <numerusform>Show the %Ln new customers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InsightsPage</name>
    <message numerus="yes">
        <source>First bought in %1, bought again %n months later</source>
        <translation>
            <numerusform>First bought in %1, bought again %n month later</numerusform>
            <numerusform>First bought in %1, bought again %n months later</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%Ln care tasks for today, overdue ones included</source>
        <translation>
            <numerusform>%Ln care task for today, overdue ones included</numerusform>
            <numerusform>%Ln care tasks for today, overdue ones included</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PointsTab</name>
    <message numerus="yes">
        <source>%1%2 · %Ln points</source>
        <translation>
            <numerusform>%1%2 · %Ln point</numerusform>
            <numerusform>%1%2 · %Ln points</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message numerus="yes">
        <source>%n characters</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SmsCounter</name>
    <message numerus="yes">
        <source>%n characters with the signature · %1 SMS (%2 per message)</source>
        <translation>
            <numerusform>%n character with the signature · %1 SMS (%2 per message)</numerusform>
            <numerusform>%n characters with the signature · %1 SMS (%2 per message)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>bills as %n messages</source>
        <translation>
            <numerusform>bills as %n message</numerusform>
            <numerusform>bills as %n messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagManagerDialog</name>
    <message numerus="yes">
        <source>%1 — %Ln customers</source>
        <translation>
            <numerusform>%1 — %Ln customer</numerusform>
            <numerusform>%1 — %Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the tag “%1”? %Ln customers will lose it.</source>
        <translation>
            <numerusform>Delete the tag “%1”? %Ln customer will lose it.</numerusform>
            <numerusform>Delete the tag “%1”? %Ln customers will lose it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagRulesDialog</name>
    <message numerus="yes">
        <source>%1 — %Ln buyers</source>
        <translation>
            <numerusform>%1 — %Ln buyer</numerusform>
            <numerusform>%1 — %Ln buyers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This rule tags %Ln buyers now.</source>
        <translation>
            <numerusform>This rule tags %Ln buyer now.</numerusform>
            <numerusform>This rule tags %Ln buyers now.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved: %Ln buyers carry the tag from this rule.</source>
        <translation>
            <numerusform>Saved: %Ln buyer carries the tag from this rule.</numerusform>
            <numerusform>Saved: %Ln buyers carry the tag from this rule.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskPanel</name>
    <message numerus="yes">
        <source>%n characters</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stage: %1 · %Ln paid orders · spent ¥%2</source>
        <translation>
            <numerusform>Stage: %1 · %Ln paid order · spent ¥%2</numerusform>
            <numerusform>Stage: %1 · %Ln paid orders · spent ¥%2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message numerus="yes">
        <source>%Ln buyers with an order still unpaid</source>
        <translation>
            <numerusform>%Ln buyer with an order still unpaid</numerusform>
            <numerusform>%Ln buyers with an order still unpaid</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Orders of the last %Ln days (Settings ▸ Care calendar)</source>
        <translation>
            <numerusform>Orders of the last %Ln day (Settings ▸ Care calendar)</numerusform>
            <numerusform>Orders of the last %Ln days (Settings ▸ Care calendar)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The newest order is %Ln days old.</source>
        <translation>
            <numerusform>The newest order is %Ln day old.</numerusform>
            <numerusform>The newest order is %Ln days old.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the %Ln orders here came from an imported file.</source>
        <translation>
            <numerusform>The %Ln order here did not come from an imported file.</numerusform>
            <numerusform>None of the %Ln orders here came from an imported file.</numerusform>
        </translation>
    </message>
</context>
</TS>
