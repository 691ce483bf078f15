<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="283"/>
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n patient</numerusform>
            <numerusform>%n patients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="293"/>
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n change waiting to be sent</numerusform>
            <numerusform>%n changes waiting to be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="388"/>
        <source>%n patient(s) match “%1” — Esc returns to the ward list</source>
        <translation>
            <numerusform>%n patient matches “%1” — Esc returns to the ward list</numerusform>
            <numerusform>%n patients match “%1” — Esc returns to the ward list</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PatientBanner</name>
    <message numerus="yes">
        <location filename="../../ui/patient_view.py" line="113"/>
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
        <location filename="../../ui/search_model.py" line="40"/>
        <source> (+%n more)</source>
        <translation>
            <numerusform> (+%n more)</numerusform>
            <numerusform> (+%n more)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WardTableModel</name>
    <message numerus="yes">
        <location filename="../../ui/ward_model.py" line="100"/>
        <source>%n question(s) open</source>
        <translation>
            <numerusform>%n question open</numerusform>
            <numerusform>%n questions open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ward_model.py" line="101"/>
        <source>, %n due for re-confirmation</source>
        <translation>
            <numerusform>, %n due for re-confirmation</numerusform>
            <numerusform>, %n due for re-confirmation</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ward_model.py" line="106"/>
        <source>%n change(s) not yet sent</source>
        <translation>
            <numerusform>%n change not yet sent</numerusform>
            <numerusform>%n changes not yet sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ward_model.py" line="136"/>
        <source>%n open</source>
        <translation>
            <numerusform>%n open</numerusform>
            <numerusform>%n open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ward_model.py" line="144"/>
        <source>%n not sent</source>
        <translation>
            <numerusform>%n not sent</numerusform>
            <numerusform>%n not sent</numerusform>
        </translation>
    </message>
</context>
</TS>
