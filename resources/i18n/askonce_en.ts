<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DischargeBoard</name>
    <message numerus="yes">
        <location filename="../../ui/discharge/readiness_board.py" line="360"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge/readiness_board.py" line="425"/>
        <source>%n patient(s) without a discharge plan</source>
        <translation>
            <numerusform>%n patient without a discharge plan</numerusform>
            <numerusform>%n patients without a discharge plan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge/readiness_board.py" line="429"/>
        <source>%n patient(s) in the window</source>
        <translation>
            <numerusform>%n patient in the window</numerusform>
            <numerusform>%n patients in the window</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge/readiness_board.py" line="430"/>
        <source>%n with overdue items</source>
        <translation>
            <numerusform>%n with overdue items</numerusform>
            <numerusform>%n with overdue items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge/readiness_board.py" line="431"/>
        <source>%n ready</source>
        <translation>
            <numerusform>%n ready</numerusform>
            <numerusform>%n ready</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge/readiness_board.py" line="433"/>
        <source>%n without a plan</source>
        <translation>
            <numerusform>%n without a plan</numerusform>
            <numerusform>%n without a plan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge/readiness_board.py" line="436"/>
        <source>%n shown</source>
        <translation>
            <numerusform>%n shown</numerusform>
            <numerusform>%n shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DischargeBoardModel</name>
    <message numerus="yes">
        <location filename="../../ui/discharge/readiness_board.py" line="153"/>
        <source>%n to reconcile</source>
        <translation>
            <numerusform>%n to reconcile</numerusform>
            <numerusform>%n to reconcile</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DischargeTab</name>
    <message numerus="yes">
        <location filename="../../ui/discharge/tab.py" line="177"/>
        <source>Discharge summary printed (%n page(s)); recorded in the audit log.</source>
        <translation>
            <numerusform>Discharge summary printed (%n page); recorded in the audit log.</numerusform>
            <numerusform>Discharge summary printed (%n pages); recorded in the audit log.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge/tab.py" line="180"/>
        <source>Discharge summary exported (%n page(s)); recorded in the audit log.</source>
        <translation>
            <numerusform>Discharge summary exported (%n page); recorded in the audit log.</numerusform>
            <numerusform>Discharge summary exported (%n pages); recorded in the audit log.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainStatusBar</name>
    <message numerus="yes">
        <location filename="../../ui/mainwindow/status_bar.py" line="31"/>
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n change waiting to be sent</numerusform>
            <numerusform>%n changes waiting to be sent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PatientBanner</name>
    <message numerus="yes">
        <location filename="../../ui/mainwindow/patient_view.py" line="115"/>
        <source>%n change(s) not yet sent</source>
        <translation>
            <numerusform>%n change not yet sent</numerusform>
            <numerusform>%n changes not yet sent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message numerus="yes">
        <location filename="../../ui/mainwindow/search_model.py" line="40"/>
        <source> (+%n more)</source>
        <translation>
            <numerusform> (+%n more)</numerusform>
            <numerusform> (+%n more)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SummaryWriter</name>
    <message numerus="yes">
        <location filename="../../ui/discharge/summary/document.py" line="212"/>
        <source>%n checklist item(s) open</source>
        <translation>
            <numerusform>%n checklist item open</numerusform>
            <numerusform>%n checklist items open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge/summary/document.py" line="214"/>
        <source>%n medication(s) not yet reconciled</source>
        <translation>
            <numerusform>%n medication not yet reconciled</numerusform>
            <numerusform>%n medications not yet reconciled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge/summary/document.py" line="303"/>
        <source>%n medication(s) NOT YET RECONCILED — decide before discharge.</source>
        <translation>
            <numerusform>%n medication NOT YET RECONCILED — decide before discharge.</numerusform>
            <numerusform>%n medications NOT YET RECONCILED — decide before discharge.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message numerus="yes">
        <location filename="../../ui/syncstatus/controller.py" line="186"/>
        <source>%n conflict(s) to resolve — open</source>
        <translation>
            <numerusform>%n conflict to resolve — open</numerusform>
            <numerusform>%n conflicts to resolve — open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/syncstatus/controller.py" line="188"/>
        <source>Server rejected %n change(s) — open</source>
        <translation>
            <numerusform>Server rejected %n change — open</numerusform>
            <numerusform>Server rejected %n changes — open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/syncstatus/controller.py" line="191"/>
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n change waiting</numerusform>
            <numerusform>%n changes waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncProblemsFlow</name>
    <message numerus="yes">
        <location filename="../../ui/syncstatus/problems.py" line="51"/>
        <source>The server refused %n change(s). They are kept here.</source>
        <translation>
            <numerusform>The server refused %n change. It is kept here.</numerusform>
            <numerusform>The server refused %n changes. They are kept here.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WardPanel</name>
    <message numerus="yes">
        <source>%n with a name alert</source>
        <translation>
            <numerusform>%n with a name alert</numerusform>
            <numerusform>%n with a name alert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow/ward_panel.py" line="135"/>
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n patient</numerusform>
            <numerusform>%n patients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow/ward_panel.py" line="205"/>
        <source>The best %2 of %n patient(s) matching “%1” — add a word to narrow down; Esc returns to the ward list</source>
        <translation>
            <numerusform>The best %2 of %n patient matching “%1” — add a word to narrow down; Esc returns to the ward list</numerusform>
            <numerusform>The best %2 of %n patients matching “%1” — add a word to narrow down; Esc returns to the ward list</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow/ward_panel.py" line="204"/>
        <source>%n patient(s) match “%1” — Esc returns to the ward list</source>
        <translation>
            <numerusform>%n patient matches “%1” — Esc returns to the ward list</numerusform>
            <numerusform>%n patients match “%1” — Esc returns to the ward list</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WardTableModel</name>
    <message numerus="yes">
        <source>%n change(s) by colleagues since you last saw this patient</source>
        <translation>
            <numerusform>%n change by colleagues since you last saw this patient</numerusform>
            <numerusform>%n changes by colleagues since you last saw this patient</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n new</numerusform>
            <numerusform>%n new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow/ward_model.py" line="63"/>
        <source>%n question(s) open</source>
        <translation>
            <numerusform>%n question open</numerusform>
            <numerusform>%n questions open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow/ward_model.py" line="64"/>
        <source>, %n due for re-confirmation</source>
        <translation>
            <numerusform>, %n due for re-confirmation</numerusform>
            <numerusform>, %n due for re-confirmation</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow/ward_model.py" line="73"/>
        <source>%n change(s) not yet sent</source>
        <translation>
            <numerusform>%n change not yet sent</numerusform>
            <numerusform>%n changes not yet sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow/ward_model.py" line="114"/>
        <source>%n open</source>
        <translation>
            <numerusform>%n open</numerusform>
            <numerusform>%n open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow/ward_model.py" line="122"/>
        <source>%n not sent</source>
        <translation>
            <numerusform>%n not sent</numerusform>
            <numerusform>%n not sent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Discharge</name>
    <message numerus="yes">
        <location filename="../../ui/discharge_text.py" line="137"/>
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge_text.py" line="116"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge_text.py" line="124"/>
        <source>%n not yet reconciled</source>
        <translation>
            <numerusform>%n not yet reconciled</numerusform>
            <numerusform>%n not yet reconciled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge_text.py" line="138"/>
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
</context>
</TS>
