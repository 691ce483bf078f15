<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AnswerDialog</name>
    <message>
        <location filename="../../ui/answer_dialog.py" line="25"/>
        <source>Correct answer</source>
        <translation>Antwort korrigieren</translation>
    </message>
    <message>
        <location filename="../../ui/answer_dialog.py" line="25"/>
        <source>Record answer</source>
        <translation>Antwort erfassen</translation>
    </message>
    <message>
        <location filename="../../ui/answer_dialog.py" line="39"/>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <location filename="../../ui/answer_dialog.py" line="44"/>
        <source>Previous answer: %1 — %2, %3</source>
        <translation>Bisherige Antwort: %1 — %2, %3</translation>
    </message>
    <message>
        <location filename="../../ui/answer_dialog.py" line="53"/>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location filename="../../ui/answer_dialog.py" line="67"/>
        <source>Source of the answer</source>
        <translation>Quelle der Antwort</translation>
    </message>
    <message>
        <location filename="../../ui/answer_dialog.py" line="68"/>
        <source>Answer given by:</source>
        <translation>Antwort von:</translation>
    </message>
    <message>
        <location filename="../../ui/answer_dialog.py" line="70"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location filename="../../ui/answer_dialog.py" line="72"/>
        <source>Why it changed (optional)</source>
        <translation>Grund der Änderung (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/answer_dialog.py" line="72"/>
        <source>Optional note</source>
        <translation>Notiz (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/answer_dialog.py" line="74"/>
        <source>Note:</source>
        <translation>Notiz:</translation>
    </message>
    <message>
        <location filename="../../ui/answer_dialog.py" line="95"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../ui/answer_dialog.py" line="95"/>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <location filename="../../ui/answer_dialog.py" line="120"/>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <location filename="../../ui/answer_dialog.py" line="127"/>
        <source>Answer text</source>
        <translation>Antworttext</translation>
    </message>
</context>
<context>
    <name>AppointmentDialog</name>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="280"/>
        <source>Edit appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="280"/>
        <source>Add appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="291"/>
        <source>Date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="293"/>
        <source>With whom (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="294"/>
        <source>Required, e.g. GP Dr Weber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="296"/>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="297"/>
        <source>e.g. Practice, Hauptstraße 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="298"/>
        <source>Note</source>
        <translation type="unfinished">Notiz</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="299"/>
        <source>Save appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="302"/>
        <source>&amp;When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="303"/>
        <source>&amp;With *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="304"/>
        <source>W&amp;here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="305"/>
        <source>&amp;Note</source>
        <translation type="unfinished">&amp;Notiz</translation>
    </message>
</context>
<context>
    <name>AppointmentModel</name>
    <message>
        <location filename="../../ui/discharge_models.py" line="306"/>
        <source>When</source>
        <translation type="unfinished">Wann</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_models.py" line="307"/>
        <source>With</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_models.py" line="308"/>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_models.py" line="309"/>
        <source>Note</source>
        <translation type="unfinished">Notiz</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_models.py" line="324"/>
        <source>date to be agreed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AskOnceBoard</name>
    <message>
        <location filename="../../ui/board.py" line="134"/>
        <source>Question summary</source>
        <translation>Fragenübersicht</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="136"/>
        <source>&amp;Show:</source>
        <translation>&amp;Anzeigen:</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="138"/>
        <source>All questions</source>
        <translation>Alle Fragen</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="139"/>
        <source>Still to ask or re-confirm</source>
        <translation>Noch zu fragen oder erneut zu bestätigen</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="140"/>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="141"/>
        <source>Show questions</source>
        <translation>Fragen anzeigen</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="193"/>
        <source>&lt;b&gt;%1 of %2&lt;/b&gt; answered · &lt;b&gt;%3&lt;/b&gt; to re-confirm · &lt;b&gt;%4&lt;/b&gt; not asked yet</source>
        <translation>&lt;b&gt;%1 von %2&lt;/b&gt; beantwortet · &lt;b&gt;%3&lt;/b&gt; erneut zu bestätigen · &lt;b&gt;%4&lt;/b&gt; noch nicht gefragt</translation>
    </message>
</context>
<context>
    <name>BreakGlassDialog</name>
    <message>
        <location filename="../../ui/break_glass.py" line="18"/>
        <source>Emergency access to a patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/break_glass.py" line="22"/>
        <source>Only for a patient you must care for now who is not in your list. Access lasts %1 minutes and is recorded with your reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/break_glass.py" line="30"/>
        <source>Medical record number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/break_glass.py" line="31"/>
        <source>&amp;MRN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/break_glass.py" line="34"/>
        <source>Reason for emergency access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/break_glass.py" line="35"/>
        <source>e.g. covering bed 12 during a resuscitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/break_glass.py" line="37"/>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <location filename="../../ui/contact_dialog.py" line="36"/>
        <source>no preference</source>
        <translation>keine Präferenz</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="38"/>
        <source>phone call</source>
        <translation>Anruf</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="39"/>
        <source>text message (SMS)</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="40"/>
        <source>e-mail</source>
        <translation>E-Mail</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../ui/discharge_models.py" line="63"/>
        <source>Status</source>
        <translation type="unfinished">Status</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_models.py" line="64"/>
        <source>Checklist item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_models.py" line="65"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_models.py" line="66"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_models.py" line="67"/>
        <source>Note</source>
        <translation type="unfinished">Notiz</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_models.py" line="68"/>
        <source>Unsent</source>
        <translation type="unfinished">Wartet</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_models.py" line="70"/>
        <source>Saved here but not yet sent to the server</source>
        <translation type="unfinished">Hier gespeichert, aber noch nicht an den Server gesendet</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_models.py" line="87"/>
        <source>Space: done / not done · Enter: edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_models.py" line="118"/>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conflict</name>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="27"/>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="28"/>
        <source>Home medication</source>
        <translation>Hausmedikation</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="29"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="92"/>
        <source>Resolve a conflict</source>
        <translation>Konflikt lösen</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="97"/>
        <source>&lt;b&gt;%1 for %2&lt;/b&gt; was changed on this workstation and, meanwhile, by someone else. Choose which version is right.</source>
        <translation>&lt;b&gt;%1 für %2&lt;/b&gt; wurde auf diesem Arbeitsplatz und zwischenzeitlich auch von jemand anderem geändert. Wählen Sie, welche Version richtig ist.</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="107"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="107"/>
        <source>On this workstation</source>
        <translation>Auf diesem Arbeitsplatz</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="107"/>
        <source>On the server</source>
        <translation>Auf dem Server</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="109"/>
        <source>Differences</source>
        <translation>Unterschiede</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="126"/>
        <source>Server version by: %1</source>
        <translation>Server-Version von: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="133"/>
        <source>Keep &amp;mine</source>
        <translation>&amp;Meine behalten</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="136"/>
        <source>Keep the &amp;server&apos;s</source>
        <translation>&amp;Server-Version behalten</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="139"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="142"/>
        <source>Write the right answer yourself</source>
        <translation>Richtige Antwort selbst eingeben</translation>
    </message>
</context>
<context>
    <name>ConflictListDialog</name>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="169"/>
        <source>Conflicts to resolve</source>
        <translation>Zu lösende Konflikte</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="174"/>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="182"/>
        <source>No conflicts.</source>
        <translation>Keine Konflikte.</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="187"/>
        <source>&amp;Open…</source>
        <translation>&amp;Öffnen…</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../ui/contact_dialog.py" line="193"/>
        <source>Edit contact</source>
        <translation>Kontakt bearbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="193"/>
        <source>Add contact</source>
        <translation>Kontakt hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="195"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="196"/>
        <source>Agency or service</source>
        <translation>Einrichtung oder Dienst</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="197"/>
        <source>Person or agency</source>
        <translation>Person oder Einrichtung</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="198"/>
        <source>Name (required)</source>
        <translation>Name (Pflichtfeld)</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="198"/>
        <source>Required</source>
        <translation>Pflichtfeld</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="200"/>
        <source>Relationship</source>
        <translation>Beziehung</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="200"/>
        <source>e.g. daughter, neighbour</source>
        <translation>z. B. Tochter, Nachbar</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="208"/>
        <source>Role: %1</source>
        <translation>Rolle: %1</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="215"/>
        <source>Preferred channel</source>
        <translation>Bevorzugter Kontaktweg</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="217"/>
        <source>Preferred times</source>
        <translation>Bevorzugte Zeiten</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="217"/>
        <source>e.g. weekdays after 17:00</source>
        <translation>z. B. werktags ab 17:00</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="219"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="219"/>
        <source>e.g. German</source>
        <translation>z. B. Deutsch</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="221"/>
        <source>May receive information about the patient</source>
        <translation>Darf Auskunft über den Patienten erhalten</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="223"/>
        <source>Consent to share information</source>
        <translation>Einwilligung zur Auskunftserteilung</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="226"/>
        <source>Tick only if the patient agreed that this contact may be told about their care, test results and discharge plans.</source>
        <translation>Nur ankreuzen, wenn der Patient eingewilligt hat, dass dieser Kontakt über Pflege, Befunde und Entlassungsplanung informiert werden darf.</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="235"/>
        <source>I checked these details with the contact just now</source>
        <translation>Ich habe diese Angaben soeben mit dem Kontakt abgeglichen</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="237"/>
        <source>Details checked with the contact</source>
        <translation>Angaben mit dem Kontakt abgeglichen</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="238"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="242"/>
        <source>Save contact</source>
        <translation>Kontakt speichern</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="242"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="245"/>
        <source>&amp;Kind</source>
        <translation>A&amp;rt</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="246"/>
        <source>&amp;Name *</source>
        <translation>&amp;Name *</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="247"/>
        <source>&amp;Relationship</source>
        <translation>&amp;Beziehung</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="248"/>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="249"/>
        <source>&amp;Phone / e-mail</source>
        <translation>&amp;Telefon / E-Mail</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="250"/>
        <source>Pre&amp;ferred channel</source>
        <translation>Bevorzugter &amp;Kontaktweg</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="251"/>
        <source>Preferred &amp;times</source>
        <translation>Bevorzugte &amp;Zeiten</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="252"/>
        <source>&amp;Language</source>
        <translation>S&amp;prache</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="256"/>
        <source>N&amp;ote</source>
        <translation>N&amp;otiz</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="257"/>
        <source>So&amp;urce</source>
        <translation>&amp;Quelle</translation>
    </message>
</context>
<context>
    <name>ContactRole</name>
    <message>
        <location filename="../../ui/contact_dialog.py" line="21"/>
        <source>helps at home</source>
        <translation>hilft zu Hause</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="24"/>
        <source>emergency contact</source>
        <translation>Notfallkontakt</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="27"/>
        <source>legal proxy</source>
        <translation>gesetzliche Vertretung</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="28"/>
        <source>home-care provider</source>
        <translation>ambulanter Pflegedienst</translation>
    </message>
</context>
<context>
    <name>ContactTableModel</name>
    <message>
        <location filename="../../ui/contacts_tab.py" line="51"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="52"/>
        <source>Relationship</source>
        <translation>Beziehung</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="53"/>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="54"/>
        <source>Phone / e-mail</source>
        <translation>Telefon / E-Mail</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="55"/>
        <source>Preferred</source>
        <translation>Bevorzugt</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="56"/>
        <source>Consent</source>
        <translation>Einwilligung</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="57"/>
        <source>Verified</source>
        <translation>Überprüft</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="58"/>
        <source>Unsent</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="61"/>
        <source>In the order to try: number 1 first</source>
        <translation>In dieser Reihenfolge versuchen: zuerst Nummer 1</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="62"/>
        <source>May receive information about the patient&apos;s care</source>
        <translation>Darf Auskunft über die Versorgung des Patienten erhalten</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="63"/>
        <source>Saved here but not yet sent to the server</source>
        <translation>Hier gespeichert, aber noch nicht an den Server gesendet</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="88"/>
        <source>%1 (agency)</source>
        <translation>%1 (Einrichtung)</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="89"/>
        <source>%1 (removed)</source>
        <translation>%1 (entfernt)</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="100"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="100"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="103"/>
        <source>not verified</source>
        <translation>nicht überprüft</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="116"/>
        <source>Checked on %1</source>
        <translation>Überprüft am %1</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="120"/>
        <source>Recorded by %1 on %2 (source: %3)</source>
        <translation>Erfasst von %1 am %2 (Quelle: %3)</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="125"/>
        <source>Note: %1</source>
        <translation>Notiz: %1</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <location filename="../../ui/contacts_tab.py" line="166"/>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="167"/>
        <source>Add contact</source>
        <translation>Kontakt hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="168"/>
        <source>Add a person or agency (Insert in the list)</source>
        <translation>Person oder Einrichtung hinzufügen (Einfg in der Liste)</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="172"/>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="173"/>
        <source>Edit selected contact</source>
        <translation>Ausgewählten Kontakt bearbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="174"/>
        <source>Edit the selected contact (Enter or double-click)</source>
        <translation>Ausgewählten Kontakt bearbeiten (Eingabetaste oder Doppelklick)</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="178"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="179"/>
        <source>Remove selected contact</source>
        <translation>Ausgewählten Kontakt entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="180"/>
        <source>Remove the selected contact; it stays in the history (Delete in the list)</source>
        <translation>Ausgewählten Kontakt entfernen; er bleibt im Verlauf erhalten (Entf in der Liste)</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="183"/>
        <source>Show removed</source>
        <translation>Entfernte anzeigen</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="184"/>
        <source>Show removed contacts</source>
        <translation>Entfernte Kontakte anzeigen</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="185"/>
        <source>Also list contacts that were removed</source>
        <translation>Auch entfernte Kontakte auflisten</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="188"/>
        <source>No contacts recorded yet. Ask: “Who helps you at home, and whom should we call if needed?”</source>
        <translation>Noch keine Kontakte erfasst. Fragen Sie: „Wer hilft Ihnen zu Hause, und wen sollen wir im Bedarfsfall anrufen?“</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="193"/>
        <source>Home-care contacts</source>
        <translation>Kontakte für die häusliche Versorgung</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="236"/>
        <source>Remove “%1” from the contacts? The entry is kept in the history and can be listed again with “Show removed”.</source>
        <translation>„%1“ aus den Kontakten entfernen? Der Eintrag bleibt im Verlauf erhalten und kann mit „Entfernte anzeigen“ wieder aufgelistet werden.</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="244"/>
        <source>Remove contact</source>
        <translation>Kontakt entfernen</translation>
    </message>
</context>
<context>
    <name>Discharge</name>
    <message>
        <location filename="../../ui/discharge_text.py" line="18"/>
        <source>not decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_text.py" line="20"/>
        <source>home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_text.py" line="21"/>
        <source>home with care services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_text.py" line="24"/>
        <source>rehabilitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_text.py" line="27"/>
        <source>nursing facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_text.py" line="30"/>
        <source>other</source>
        <translation type="unfinished">sonstige</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_text.py" line="44"/>
        <source>to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_text.py" line="45"/>
        <source>in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_text.py" line="46"/>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_text.py" line="47"/>
        <source>not needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_text.py" line="58"/>
        <source>nurse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_text.py" line="59"/>
        <source>discharge coordinator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_text.py" line="62"/>
        <source>pharmacist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_text.py" line="63"/>
        <source>physician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_text.py" line="64"/>
        <source>social worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_text.py" line="79"/>
        <source>not yet reconciled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_text.py" line="81"/>
        <source>continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_text.py" line="82"/>
        <source>change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_text.py" line="83"/>
        <source>stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_text.py" line="84"/>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_text.py" line="98"/>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_text.py" line="104"/>
        <source>no checklist yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_text.py" line="106"/>
        <source>%1 of %2 done</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge_text.py" line="116"/>
        <source>%n overdue</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/discharge_text.py" line="123"/>
        <source>all medications reconciled</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge_text.py" line="124"/>
        <source>%n not yet reconciled</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/discharge_text.py" line="131"/>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_text.py" line="133"/>
        <source>tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_text.py" line="135"/>
        <source>yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge_text.py" line="137"/>
        <source>in %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge_text.py" line="138"/>
        <source>%n day(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DischargeBoard</name>
    <message>
        <location filename="../../ui/discharge_board.py" line="271"/>
        <source>Discharge readiness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_board.py" line="272"/>
        <location filename="../../ui/discharge_board.py" line="303"/>
        <source>Discharge readiness board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_board.py" line="275"/>
        <source>Dis&amp;charge within:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_board.py" line="277"/>
        <source>Discharge window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_board.py" line="285"/>
        <source>Filter by name, bed, destination or blocker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_board.py" line="286"/>
        <source>Filter discharge board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_board.py" line="290"/>
        <source>&amp;Hide ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_board.py" line="291"/>
        <source>Hide patients who are ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_board.py" line="293"/>
        <source>Hide patients whose checklist is done and medications reconciled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_board.py" line="304"/>
        <source>Enter opens the patient on the Discharge tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_board.py" line="321"/>
        <source>Board summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_board.py" line="324"/>
        <source>%1 overdue · %2 ready · ? medications to reconcile · ● not yet sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_board.py" line="329"/>
        <source>Legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_board.py" line="331"/>
        <source>Enter opens the Discharge tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_board.py" line="352"/>
        <source>any date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_board.py" line="354"/>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge_board.py" line="355"/>
        <source>%n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge_board.py" line="401"/>
        <source>%n patient(s) in the window</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge_board.py" line="402"/>
        <source>%n with overdue items</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge_board.py" line="403"/>
        <source>%n ready</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge_board.py" line="406"/>
        <source>%n shown</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DischargeBoardModel</name>
    <message>
        <location filename="../../ui/discharge_board.py" line="66"/>
        <source>Expected discharge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_board.py" line="67"/>
        <source>Bed</source>
        <translation type="unfinished">Bett</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_board.py" line="68"/>
        <source>Patient</source>
        <translation type="unfinished">Patient</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_board.py" line="69"/>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_board.py" line="70"/>
        <source>Readiness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_board.py" line="71"/>
        <source>Medications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_board.py" line="72"/>
        <source>Blockers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_board.py" line="73"/>
        <source>Unsent</source>
        <translation type="unfinished">Wartet</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_board.py" line="76"/>
        <source>Checklist items done, and how many are overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_board.py" line="78"/>
        <source>Home medications without a discharge decision yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_board.py" line="80"/>
        <source>Checklist items still open; overdue ones first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_board.py" line="81"/>
        <source>Changes saved here but not yet sent to the server</source>
        <translation type="unfinished">Hier gespeicherte, aber noch nicht an den Server gesendete Änderungen</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_board.py" line="123"/>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_board.py" line="138"/>
        <source>ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge_board.py" line="143"/>
        <source>%n to reconcile</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/discharge_board.py" line="144"/>
        <source>reconciled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_board.py" line="157"/>
        <source>no open items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_board.py" line="159"/>
        <source>overdue:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_board.py" line="169"/>
        <source>Every checklist item is done or not needed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DischargeContactModel</name>
    <message>
        <location filename="../../ui/discharge_models.py" line="232"/>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_models.py" line="233"/>
        <source>Relationship / role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_models.py" line="234"/>
        <source>First number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_models.py" line="235"/>
        <source>Verified for discharge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_models.py" line="236"/>
        <source>At home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_models.py" line="237"/>
        <source>Unsent</source>
        <translation type="unfinished">Wartet</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_models.py" line="240"/>
        <source>The person who will be at home to help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_models.py" line="241"/>
        <source>Saved here but not yet sent to the server</source>
        <translation type="unfinished">Hier gespeichert, aber noch nicht an den Server gesendet</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_models.py" line="260"/>
        <source>Checked on %1</source>
        <translation type="unfinished">Überprüft am %1</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_models.py" line="273"/>
        <source>%1 (agency)</source>
        <translation type="unfinished">%1 (Einrichtung)</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_models.py" line="284"/>
        <source>not verified</source>
        <translation type="unfinished">nicht überprüft</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_models.py" line="288"/>
        <source>helper at home</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DischargeDialogs</name>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="65"/>
        <source>Cancel</source>
        <translation type="unfinished">Abbrechen</translation>
    </message>
</context>
<context>
    <name>DischargeTab</name>
    <message>
        <location filename="../../ui/discharge_tab.py" line="108"/>
        <source>Loading the discharge plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="133"/>
        <source>Discharge plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="136"/>
        <source>Expected discharge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="138"/>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="140"/>
        <source>Readiness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="143"/>
        <source>Overdue checklist items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="148"/>
        <source>No discharge plan yet. Start one to get the checklist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="151"/>
        <source>Start discharge plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="152"/>
        <source>Start discharge plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="153"/>
        <source>Choose the expected date and destination; the checklist follows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="157"/>
        <source>Edit plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="158"/>
        <source>Edit discharge plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="159"/>
        <source>Change the expected date, destination or note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="163"/>
        <source>Print summary…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="164"/>
        <source>Print discharge summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="165"/>
        <source>Print the discharge summary (Ctrl+P); you confirm who you are first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="169"/>
        <source>Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="170"/>
        <source>Export discharge summary as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="171"/>
        <source>Save the discharge summary as a PDF; you confirm who you are first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="201"/>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="214"/>
        <source>Discharge checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="219"/>
        <source>Space marks the selected item done or not done; Enter edits it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="223"/>
        <location filename="../../ui/discharge_tab.py" line="711"/>
        <source>Mark done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="224"/>
        <source>Mark selected checklist item done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="225"/>
        <source>Mark the selected item done, or not done again (Space in the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="229"/>
        <source>Set status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="230"/>
        <source>Set status of selected checklist item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="231"/>
        <source>To do, in progress, done or not needed (menu key in the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="240"/>
        <location filename="../../ui/discharge_tab.py" line="425"/>
        <source>Edit…</source>
        <translation type="unfinished">Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="241"/>
        <source>Edit selected checklist item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="242"/>
        <source>Owner, due date, status and note (Enter in the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="246"/>
        <source>Add item…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="247"/>
        <source>Add checklist item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="248"/>
        <source>Add an item this patient needs beyond the standard checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="261"/>
        <source>Space: done · Enter: edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="282"/>
        <source>Home medications — discharge decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="285"/>
        <source>Medications not yet reconciled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="290"/>
        <source>Medication reconciliation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="300"/>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="301"/>
        <source>Continue selected medication after discharge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="302"/>
        <source>The patient keeps taking it as before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="305"/>
        <source>Change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="306"/>
        <source>Change selected medication at discharge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="307"/>
        <source>Continue with a change; you say what changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="310"/>
        <source>Stop…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="311"/>
        <source>Stop selected medication at discharge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="312"/>
        <source>The patient stops taking it; give a reason if you can</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="315"/>
        <source>Mark new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="316"/>
        <source>Mark selected medication as new at discharge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="317"/>
        <source>Started during this stay and continued at home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="329"/>
        <source>Add new medication…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="330"/>
        <location filename="../../ui/discharge_tab.py" line="867"/>
        <source>Add a new medication for discharge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="331"/>
        <source>A medication started for after discharge; it is marked new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="344"/>
        <source>Home care — contacts and helper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="349"/>
        <source>Home-care contacts for discharge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="355"/>
        <source>No contacts recorded yet: add them on the Home &amp; helpers tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="362"/>
        <location filename="../../ui/discharge_tab.py" line="724"/>
        <source>Verify for discharge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="363"/>
        <source>Verify selected contact for discharge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="365"/>
        <source>You checked name and number with the patient or the contact: recorded with your name and the time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="373"/>
        <source>Helper at &amp;home after discharge:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="375"/>
        <source>Helper at home after discharge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="386"/>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="392"/>
        <source>Preferred follow-up channel and times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="395"/>
        <source>Ask on the Ask-once tab…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="396"/>
        <source>Ask the follow-up question on the Ask-once tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="397"/>
        <source>The answer is recorded once, on the Ask-once tab, and shows here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="403"/>
        <source>Appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="408"/>
        <source>Follow-up appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="413"/>
        <source>No follow-up appointments yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="419"/>
        <source>Add appointment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="420"/>
        <source>Add follow-up appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="421"/>
        <source>GP, clinic or home-care first visit after discharge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="426"/>
        <source>Edit selected appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="427"/>
        <source>Edit the selected appointment (Enter in the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="431"/>
        <source>Remove</source>
        <translation type="unfinished">Entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="432"/>
        <source>Remove selected appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="433"/>
        <source>Remove the selected appointment (Delete in the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="513"/>
        <source>not decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="516"/>
        <source>not yet sent</source>
        <translation type="unfinished">noch nicht gesendet</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="521"/>
        <source>Expected discharge: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="523"/>
        <source>Destination: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="527"/>
        <source>Note: %1</source>
        <translation type="unfinished">Notiz: %1</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="537"/>
        <location filename="../../ui/discharge_tab.py" line="541"/>
        <source>ready for discharge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="539"/>
        <source>Readiness: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="541"/>
        <source>not ready yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="562"/>
        <source>No home medications recorded. Record them on the Medications tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="648"/>
        <source>— nobody chosen yet —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="658"/>
        <source>Start the discharge plan first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="660"/>
        <source>The person who will be at home to help after discharge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="669"/>
        <source>Preferred channel: &lt;b&gt;%1&lt;/b&gt; · best times: &lt;b&gt;%2&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="671"/>
        <source>no preference</source>
        <translation type="unfinished">keine Präferenz</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="676"/>
        <source>Answered by %1, %2 (from the Ask-once tab)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="686"/>
        <source>The preferred follow-up channel is &lt;b&gt;due for re-confirmation&lt;/b&gt; (last answer: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="691"/>
        <source>The patient has &lt;b&gt;not yet been asked&lt;/b&gt; how they want to be contacted after discharge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="711"/>
        <source>Mark not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="724"/>
        <source>Verify again</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge_tab.py" line="952"/>
        <source>Discharge summary printed (%n page(s)); recorded in the audit log.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge_tab.py" line="955"/>
        <source>Discharge summary exported (%n page(s)); recorded in the audit log.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="964"/>
        <source>Discharge summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_tab.py" line="964"/>
        <source>Nothing was printed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorReasonDialog</name>
    <message>
        <location filename="../../ui/answer_dialog.py" line="181"/>
        <source>Mark as entered in error</source>
        <translation>Als Fehleintrag markieren</translation>
    </message>
    <message>
        <location filename="../../ui/answer_dialog.py" line="183"/>
        <source>Why is this answer wrong? (for example: recorded for the wrong patient)</source>
        <translation>Warum ist diese Antwort falsch? (z. B. beim falschen Patienten erfasst)</translation>
    </message>
</context>
<context>
    <name>FirstRunWindow</name>
    <message>
        <location filename="../../ui/first_run.py" line="18"/>
        <source>AskOnce — set-up needed</source>
        <translation>AskOnce — Einrichtung erforderlich</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="29"/>
        <source>AskOnce is not set up on this workstation yet</source>
        <translation>AskOnce ist auf diesem Arbeitsplatz noch nicht eingerichtet</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="39"/>
        <source>To sign in, AskOnce needs settings from your IT department. Missing:</source>
        <translation>Für die Anmeldung benötigt AskOnce Einstellungen von Ihrer IT-Abteilung. Es fehlen:</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="44"/>
        <source>The server and identity provider are configured, but this version of AskOnce cannot sign in yet.</source>
        <translation>Server und Identitätsanbieter sind konfiguriert, aber diese Version von AskOnce kann sich noch nicht anmelden.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="49"/>
        <source>IT puts these in the machine-wide policy file:</source>
        <translation>Die IT hinterlegt diese in der rechnerweiten Richtliniendatei:</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="59"/>
        <source>Meanwhile you can try AskOnce with synthetic patients. Nothing is sent anywhere.</source>
        <translation>Bis dahin können Sie AskOnce mit fiktiven Patienten ausprobieren. Es werden keine Daten gesendet.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="66"/>
        <source>&amp;Try the demo</source>
        <translation>&amp;Demo ausprobieren</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="67"/>
        <source>Try the demo</source>
        <translation>Demo ausprobieren</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="70"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="71"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../ui/history_tab.py" line="103"/>
        <location filename="../../ui/history_tab.py" line="104"/>
        <source>Filter history</source>
        <translation>Verlauf filtern</translation>
    </message>
    <message>
        <location filename="../../ui/history_tab.py" line="105"/>
        <source>Show only lines containing this text</source>
        <translation>Nur Zeilen anzeigen, die diesen Text enthalten</translation>
    </message>
    <message>
        <location filename="../../ui/history_tab.py" line="110"/>
        <source>Change history</source>
        <translation>Änderungsverlauf</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <location filename="../../ui/history_tab.py" line="36"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../../ui/history_tab.py" line="37"/>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location filename="../../ui/history_tab.py" line="38"/>
        <source>Area</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <location filename="../../ui/history_tab.py" line="39"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location filename="../../ui/history_tab.py" line="40"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location filename="../../ui/history_tab.py" line="41"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../../ui/history_tab.py" line="66"/>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location filename="../../ui/history_tab.py" line="67"/>
        <source>Medication</source>
        <translation>Medikament</translation>
    </message>
    <message>
        <location filename="../../ui/history_tab.py" line="68"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location filename="../../ui/history_tab.py" line="69"/>
        <source>Discharge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/history_tab.py" line="82"/>
        <source>confirmed</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <location filename="../../ui/history_tab.py" line="83"/>
        <source>entered in error</source>
        <translation>als Fehleintrag markiert</translation>
    </message>
    <message>
        <location filename="../../ui/history_tab.py" line="84"/>
        <source>stopped</source>
        <translation>abgesetzt</translation>
    </message>
    <message>
        <location filename="../../ui/history_tab.py" line="85"/>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="77"/>
        <source>AskOnce — DEMO</source>
        <translation>AskOnce — DEMO</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="77"/>
        <location filename="../../ui/main_window.py" line="621"/>
        <location filename="../../ui/main_window.py" line="625"/>
        <source>AskOnce</source>
        <translation>AskOnce</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="92"/>
        <source>DEMO — synthetic patients only · nothing is sent anywhere</source>
        <translation>DEMO — nur fiktive Patienten · es werden keine Daten gesendet</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="96"/>
        <source>Demo mode</source>
        <translation>Demo-Modus</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="102"/>
        <source>Loading the encrypted cache…</source>
        <translation>Verschlüsselter Cache wird geladen…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="122"/>
        <source>Sync status</source>
        <translation>Synchronisierungsstatus</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="124"/>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="125"/>
        <source>Open conflicts and refused changes</source>
        <translation>Konflikte und abgelehnte Änderungen öffnen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137"/>
        <source>&lt;b&gt;My patients&lt;/b&gt;</source>
        <translation>&lt;b&gt;Meine Patienten&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="140"/>
        <source>Filter by bed, name or MRN</source>
        <translation>Nach Bett, Name oder PID filtern</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141"/>
        <source>Filter ward list</source>
        <translation>Stationsliste filtern</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="151"/>
        <source>Ward list</source>
        <translation>Stationsliste</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="172"/>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="198"/>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="205"/>
        <source>Search patients, phone numbers, answers, medications… (Ctrl+F)</source>
        <translation>Patienten, Telefonnummern, Antworten, Medikamente suchen… (Strg+F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="207"/>
        <source>Search all patients</source>
        <translation>Alle Patienten durchsuchen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="224"/>
        <source>Signed-in user</source>
        <translation>Angemeldeter Benutzer</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="229"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="230"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="234"/>
        <source>&amp;Go</source>
        <translation>&amp;Navigation</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="235"/>
        <source>&amp;Search all patients</source>
        <translation>Alle Patienten &amp;durchsuchen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="238"/>
        <source>&amp;Ward list</source>
        <translation>&amp;Stationsliste</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="241"/>
        <source>&amp;Next patient</source>
        <translation>&amp;Nächster Patient</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="244"/>
        <source>&amp;Previous patient</source>
        <translation>&amp;Vorheriger Patient</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="247"/>
        <source>&amp;Reload from cache</source>
        <translation>Aus dem Cache neu &amp;laden</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="252"/>
        <source>&amp;Emergency access to a patient…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="255"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="261"/>
        <source>&amp;Coordinator view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="264"/>
        <source>Demo only: start on the discharge board and the Discharge tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="270"/>
        <source>&amp;Sync</source>
        <translation>A&amp;bgleich</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="271"/>
        <source>Sync &amp;now</source>
        <translation>&amp;Jetzt abgleichen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="275"/>
        <source>&amp;Stop syncing</source>
        <translation>Abgleich &amp;stoppen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="278"/>
        <source>&amp;Conflicts and refused changes…</source>
        <translation>&amp;Konflikte und abgelehnte Änderungen…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="283"/>
        <source>S&amp;ession</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="284"/>
        <source>&amp;Lock now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="287"/>
        <source>&amp;Switch user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="289"/>
        <source>Sign in &amp;online again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="292"/>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="294"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="295"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="298"/>
        <source>&amp;About AskOnce</source>
        <translation>Ü&amp;ber AskOnce</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="324"/>
        <source>Select a patient from the list, or search (Ctrl+F).</source>
        <translation>Wählen Sie einen Patienten aus der Liste aus oder suchen Sie (Strg+F).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="372"/>
        <source>Correct the answer on the Ask once tab; it is then sent.</source>
        <translation>Korrigieren Sie die Antwort auf der Registerkarte „Einmal fragen“; sie wird dann gesendet.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="377"/>
        <source>The local cache could not be opened.</source>
        <translation>Der lokale Cache konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="413"/>
        <source>My patients</source>
        <translation>Meine Patienten</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="417"/>
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n Patient</numerusform>
            <numerusform>%n Patienten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="424"/>
        <source>Demo: no server</source>
        <translation>Demo: kein Server</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="424"/>
        <source>Not connected to a server</source>
        <translation>Nicht mit einem Server verbunden</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="426"/>
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n Änderung wartet auf Versand</numerusform>
            <numerusform>%n Änderungen warten auf Versand</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="428"/>
        <source>no changes waiting</source>
        <translation>keine ausstehenden Änderungen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="468"/>
        <source>Saved on this workstation</source>
        <translation>Auf diesem Arbeitsplatz gespeichert</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="483"/>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="483"/>
        <source>The change could not be saved.</source>
        <translation>Die Änderung konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="500"/>
        <source>&amp;Ward and patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="501"/>
        <source>The ward list and the open patient (Ctrl+W)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="503"/>
        <source>Discharge &amp;board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="506"/>
        <source>Every patient leaving soon, with what is still open (Ctrl+B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="593"/>
        <source>%n patient(s) match “%1” — Esc returns to the ward list</source>
        <translation>
            <numerusform>%n Patient passt zu „%1“ — mit Esc zurück zur Stationsliste</numerusform>
            <numerusform>%n Patienten passen zu „%1“ — mit Esc zurück zur Stationsliste</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="596"/>
        <source>No patient matches “%1” — Esc returns to the ward list</source>
        <translation>Kein Patient passt zu „%1“ — mit Esc zurück zur Stationsliste</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="617"/>
        <source>Working…</source>
        <translation>Wird bearbeitet…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="627"/>
        <source>Something went wrong inside AskOnce. Your saved entries are safe. Please tell IT (the log file has the details, without patient data).</source>
        <translation>In AskOnce ist ein Fehler aufgetreten. Ihre gespeicherten Einträge sind sicher. Bitte informieren Sie die IT (die Protokolldatei enthält die Details, ohne Patientendaten).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="635"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="637"/>
        <source>Ctrl+F  search all patients
Ctrl+W  ward list
Ctrl+B  discharge board (Enter opens the patient&apos;s Discharge tab)
Ctrl+PgDown / Ctrl+PgUp  next / previous patient
Ctrl+1…5  Ask once, Medications, Home &amp; helpers, Discharge, History
Ctrl+P  print the discharge summary (on the Discharge tab)
Tab / Shift+Tab  move between controls; Space or Enter to press
Esc  leave the search results
Ctrl+R  reload from the cache
Ctrl+Q  quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="667"/>
        <source>emergency access to a patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="680"/>
        <source>No patient with that MRN on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="653"/>
        <source>About AskOnce</source>
        <translation>Über AskOnce</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="654"/>
        <source>AskOnce %1 — ask every patient question once.</source>
        <translation>AskOnce %1 — jede Frage an den Patienten nur einmal stellen.</translation>
    </message>
</context>
<context>
    <name>MedicationDialog</name>
    <message>
        <location filename="../../ui/medication_dialog.py" line="34"/>
        <source>Edit home medication</source>
        <translation>Hausmedikation bearbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/medication_dialog.py" line="34"/>
        <source>Add home medication</source>
        <translation>Hausmedikation hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/medication_dialog.py" line="37"/>
        <source>Medication name (required)</source>
        <translation>Name des Medikaments (Pflichtfeld)</translation>
    </message>
    <message>
        <location filename="../../ui/medication_dialog.py" line="37"/>
        <source>Required, e.g. Metformin</source>
        <translation>Pflichtfeld, z. B. Metformin</translation>
    </message>
    <message>
        <location filename="../../ui/medication_dialog.py" line="39"/>
        <source>Dose</source>
        <translation>Dosis</translation>
    </message>
    <message>
        <location filename="../../ui/medication_dialog.py" line="39"/>
        <source>e.g. 500 mg</source>
        <translation>z. B. 500 mg</translation>
    </message>
    <message>
        <location filename="../../ui/medication_dialog.py" line="43"/>
        <source>other</source>
        <translation>sonstige</translation>
    </message>
    <message>
        <location filename="../../ui/medication_dialog.py" line="44"/>
        <source>Route</source>
        <translation>Applikationsweg</translation>
    </message>
    <message>
        <location filename="../../ui/medication_dialog.py" line="45"/>
        <source>Frequency</source>
        <translation>Häufigkeit</translation>
    </message>
    <message>
        <location filename="../../ui/medication_dialog.py" line="45"/>
        <source>e.g. twice a day</source>
        <translation>z. B. zweimal täglich</translation>
    </message>
    <message>
        <location filename="../../ui/medication_dialog.py" line="47"/>
        <source>Last taken</source>
        <translation>Zuletzt eingenommen</translation>
    </message>
    <message>
        <location filename="../../ui/medication_dialog.py" line="47"/>
        <source>e.g. this morning 08:00</source>
        <translation>z. B. heute früh 08:00</translation>
    </message>
    <message>
        <location filename="../../ui/medication_dialog.py" line="52"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/medication_dialog.py" line="56"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location filename="../../ui/medication_dialog.py" line="57"/>
        <source>Save medication</source>
        <translation>Medikament speichern</translation>
    </message>
    <message>
        <location filename="../../ui/medication_dialog.py" line="57"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/medication_dialog.py" line="60"/>
        <source>&amp;Medication *</source>
        <translation>&amp;Medikament *</translation>
    </message>
    <message>
        <location filename="../../ui/medication_dialog.py" line="61"/>
        <source>&amp;Dose</source>
        <translation>&amp;Dosis</translation>
    </message>
    <message>
        <location filename="../../ui/medication_dialog.py" line="62"/>
        <source>&amp;Route</source>
        <translation>Applikations&amp;weg</translation>
    </message>
    <message>
        <location filename="../../ui/medication_dialog.py" line="63"/>
        <source>&amp;Frequency</source>
        <translation>&amp;Häufigkeit</translation>
    </message>
    <message>
        <location filename="../../ui/medication_dialog.py" line="64"/>
        <source>&amp;Last taken</source>
        <translation>&amp;Zuletzt eingenommen</translation>
    </message>
    <message>
        <location filename="../../ui/medication_dialog.py" line="65"/>
        <source>S&amp;tatus</source>
        <translation>S&amp;tatus</translation>
    </message>
    <message>
        <location filename="../../ui/medication_dialog.py" line="66"/>
        <source>So&amp;urce</source>
        <translation>&amp;Quelle</translation>
    </message>
    <message>
        <location filename="../../ui/medication_dialog.py" line="67"/>
        <source>&amp;Note</source>
        <translation>&amp;Notiz</translation>
    </message>
    <message>
        <location filename="../../ui/medication_dialog.py" line="84"/>
        <source>oral</source>
        <translation>oral</translation>
    </message>
    <message>
        <location filename="../../ui/medication_dialog.py" line="85"/>
        <source>inhaled</source>
        <translation>inhalativ</translation>
    </message>
    <message>
        <location filename="../../ui/medication_dialog.py" line="86"/>
        <source>subcutaneous</source>
        <translation>subkutan</translation>
    </message>
    <message>
        <location filename="../../ui/medication_dialog.py" line="87"/>
        <source>topical</source>
        <translation>topisch</translation>
    </message>
    <message>
        <location filename="../../ui/medication_dialog.py" line="88"/>
        <source>ophthalmic</source>
        <translation>okulär</translation>
    </message>
    <message>
        <location filename="../../ui/medication_dialog.py" line="89"/>
        <source>transdermal</source>
        <translation>transdermal</translation>
    </message>
    <message>
        <location filename="../../ui/medication_dialog.py" line="90"/>
        <source>rectal</source>
        <translation>rektal</translation>
    </message>
</context>
<context>
    <name>MedicationStatus</name>
    <message>
        <location filename="../../ui/medication_dialog.py" line="16"/>
        <source>taking</source>
        <translation>wird eingenommen</translation>
    </message>
    <message>
        <location filename="../../ui/medication_dialog.py" line="17"/>
        <source>stopped</source>
        <translation>abgesetzt</translation>
    </message>
    <message>
        <location filename="../../ui/medication_dialog.py" line="18"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>MedicationTableModel</name>
    <message>
        <location filename="../../ui/medications_tab.py" line="53"/>
        <source>Medication</source>
        <translation>Medikament</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="54"/>
        <source>Dose</source>
        <translation>Dosis</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="55"/>
        <source>Route</source>
        <translation>Applikationsweg</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="56"/>
        <source>Frequency</source>
        <translation>Häufigkeit</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="57"/>
        <source>Last taken</source>
        <translation>Zuletzt eingenommen</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="58"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="59"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="60"/>
        <source>Recorded</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="61"/>
        <source>Unsent</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="63"/>
        <source>Saved here but not yet sent to the server</source>
        <translation>Hier gespeichert, aber noch nicht an den Server gesendet</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="87"/>
        <source>(prescription)</source>
        <translation>(Verordnung)</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="100"/>
        <source>From a prescription in another system: shown here, changed there.</source>
        <translation>Verordnung aus einem anderen System: wird hier angezeigt, aber dort geändert.</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="103"/>
        <source>Code: %1</source>
        <translation>Code: %1</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="104"/>
        <source>No medication code recorded</source>
        <translation>Kein Medikamentencode erfasst</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="108"/>
        <source>Recorded by %1 on %2</source>
        <translation>Erfasst von %1 am %2</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="113"/>
        <source>Note: %1</source>
        <translation>Notiz: %1</translation>
    </message>
</context>
<context>
    <name>MedicationsTab</name>
    <message>
        <location filename="../../ui/medications_tab.py" line="142"/>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="143"/>
        <source>Add home medication</source>
        <translation>Hausmedikation hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="144"/>
        <source>Add a home medication (%1, or Insert in the list)</source>
        <translation>Hausmedikation hinzufügen (%1 oder Einfg in der Liste)</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="151"/>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="152"/>
        <source>Edit selected medication</source>
        <translation>Ausgewähltes Medikament bearbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="153"/>
        <source>Edit the selected medication (Enter or double-click)</source>
        <translation>Ausgewähltes Medikament bearbeiten (Eingabetaste oder Doppelklick)</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="157"/>
        <location filename="../../ui/medications_tab.py" line="214"/>
        <source>Mark stopped</source>
        <translation>Als abgesetzt markieren</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="158"/>
        <source>Mark selected medication as stopped</source>
        <translation>Ausgewähltes Medikament als abgesetzt markieren</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="159"/>
        <source>Mark the selected medication as stopped; it stays in the list, struck out</source>
        <translation>Ausgewähltes Medikament als abgesetzt markieren; es bleibt durchgestrichen in der Liste</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="164"/>
        <source>No home medications recorded yet. Ask: “Do you take any medicines, vitamins or herbal remedies at home?”</source>
        <translation>Noch keine Hausmedikation erfasst. Fragen Sie: „Nehmen Sie zu Hause Medikamente, Vitamine oder pflanzliche Mittel ein?“</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="169"/>
        <source>Home medications</source>
        <translation>Hausmedikation</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="207"/>
        <source>Mark “%1” as stopped? It stays in the list, struck out, and the change is recorded.</source>
        <translation>„%1“ als abgesetzt markieren? Das Medikament bleibt durchgestrichen in der Liste, und die Änderung wird dokumentiert.</translation>
    </message>
</context>
<context>
    <name>PatientBanner</name>
    <message>
        <location filename="../../ui/patient_view.py" line="42"/>
        <source>Patient banner</source>
        <translation>Patientenkopfzeile</translation>
    </message>
    <message>
        <location filename="../../ui/patient_view.py" line="74"/>
        <source>Patient name: %1</source>
        <translation>Patientenname: %1</translation>
    </message>
    <message>
        <location filename="../../ui/patient_view.py" line="79"/>
        <source>born %1 (%2 y)</source>
        <translation>geb. %1 (%2 J.)</translation>
    </message>
    <message>
        <location filename="../../ui/patient_view.py" line="80"/>
        <source>MRN %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <location filename="../../ui/patient_view.py" line="81"/>
        <source>Bed %1</source>
        <translation>Bett %1</translation>
    </message>
    <message>
        <location filename="../../ui/patient_view.py" line="94"/>
        <source>allergy</source>
        <translation>Allergie</translation>
    </message>
    <message>
        <location filename="../../ui/patient_view.py" line="96"/>
        <source>intolerance</source>
        <translation>Unverträglichkeit</translation>
    </message>
    <message>
        <location filename="../../ui/patient_view.py" line="102"/>
        <source>Known %1: %2</source>
        <translation>Bekannte %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/patient_view.py" line="106"/>
        <source>No known allergies or intolerances recorded</source>
        <translation>Keine bekannten Allergien oder Unverträglichkeiten erfasst</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/patient_view.py" line="113"/>
        <source>%n change(s) not yet sent</source>
        <translation>
            <numerusform>%n Änderung noch nicht gesendet</numerusform>
            <numerusform>%n Änderungen noch nicht gesendet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PatientView</name>
    <message>
        <location filename="../../ui/patient_view.py" line="139"/>
        <source>Patient tabs</source>
        <translation>Registerkarten des Patienten</translation>
    </message>
    <message>
        <location filename="../../ui/patient_view.py" line="145"/>
        <source>&amp;Ask once</source>
        <translation>&amp;Einmal fragen</translation>
    </message>
    <message>
        <location filename="../../ui/patient_view.py" line="146"/>
        <source>&amp;Medications</source>
        <translation>&amp;Medikamente</translation>
    </message>
    <message>
        <location filename="../../ui/patient_view.py" line="147"/>
        <source>H&amp;ome &amp;&amp; helpers</source>
        <translation>&amp;Zuhause &amp;&amp; Helfer</translation>
    </message>
    <message>
        <location filename="../../ui/patient_view.py" line="148"/>
        <source>&amp;Discharge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/patient_view.py" line="149"/>
        <source>Histor&amp;y</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <location filename="../../ui/patient_view.py" line="154"/>
        <source>Ctrl+%1</source>
        <translation>Strg+%1</translation>
    </message>
</context>
<context>
    <name>PhotoPlaceholder</name>
    <message>
        <location filename="../../ui/patient_view.py" line="26"/>
        <source>Patient photo (none on file)</source>
        <translation>Patientenfoto (keines hinterlegt)</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="83"/>
        <source>Edit discharge plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="83"/>
        <source>Start discharge plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="86"/>
        <source>Expected discharge date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="88"/>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="95"/>
        <source>Plan note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="96"/>
        <source>Save discharge plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="98"/>
        <source>Expected &amp;discharge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="99"/>
        <source>De&amp;stination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="100"/>
        <source>&amp;Note</source>
        <translation type="unfinished">&amp;Notiz</translation>
    </message>
</context>
<context>
    <name>QuestionRow</name>
    <message>
        <location filename="../../ui/board.py" line="59"/>
        <source>%1 — %2, %3 (%4)</source>
        <translation>%1 — %2, %3 (%4)</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="67"/>
        <source>Last answer: %1</source>
        <translation>Letzte Antwort: %1</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="71"/>
        <source>not yet sent</source>
        <translation>noch nicht gesendet</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="77"/>
        <source>Valid: %1</source>
        <translation>Gültig: %1</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="83"/>
        <source>Record…</source>
        <translation>Erfassen…</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="83"/>
        <source>Record answer</source>
        <translation>Antwort erfassen</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="85"/>
        <location filename="../../ui/board.py" line="89"/>
        <source>Still true</source>
        <translation>Stimmt noch</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="85"/>
        <location filename="../../ui/board.py" line="89"/>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="86"/>
        <source>Changed…</source>
        <translation>Geändert…</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="86"/>
        <location filename="../../ui/board.py" line="88"/>
        <source>Correct answer</source>
        <translation>Antwort korrigieren</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="88"/>
        <source>Correct…</source>
        <translation>Korrigieren…</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="91"/>
        <source>Error…</source>
        <translation>Fehleintrag…</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="91"/>
        <source>Mark error</source>
        <translation>Als Fehleintrag markieren</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="92"/>
        <source>Mark this answer as entered in error</source>
        <translation>Diese Antwort als Fehleintrag markieren</translation>
    </message>
</context>
<context>
    <name>ReauthDialog</name>
    <message>
        <location filename="../../ui/reauth.py" line="34"/>
        <source>Confirm it is you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reauth.py" line="36"/>
        <source>Enter your PIN to continue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reauth.py" line="41"/>
        <source>PIN</source>
        <translation type="unfinished">PIN</translation>
    </message>
</context>
<context>
    <name>ReconcileDialog</name>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="219"/>
        <source>Discharge decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="225"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="231"/>
        <source>What changes, or why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="236"/>
        <source>Save decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="239"/>
        <source>Medication</source>
        <translation type="unfinished">Medikament</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="240"/>
        <source>&amp;Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="241"/>
        <source>&amp;Note</source>
        <translation type="unfinished">&amp;Notiz</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="253"/>
        <source>Say what changes, e.g. “dose 250 mg twice daily”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="255"/>
        <source>Optional: a reason or instruction for the patient.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReconciliationModel</name>
    <message>
        <location filename="../../ui/discharge_models.py" line="152"/>
        <source>Medication</source>
        <translation type="unfinished">Medikament</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_models.py" line="153"/>
        <source>At home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_models.py" line="154"/>
        <source>Discharge decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_models.py" line="155"/>
        <source>Decided by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_models.py" line="156"/>
        <source>Change / reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_models.py" line="157"/>
        <source>Unsent</source>
        <translation type="unfinished">Wartet</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_models.py" line="159"/>
        <source>Saved here but not yet sent to the server</source>
        <translation type="unfinished">Hier gespeichert, aber noch nicht an den Server gesendet</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_models.py" line="177"/>
        <source>Decided by %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_models.py" line="200"/>
        <source>stopped</source>
        <translation type="unfinished">abgesetzt</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_models.py" line="204"/>
        <source>none needed (stopped before admission)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message numerus="yes">
        <location filename="../../ui/search_model.py" line="40"/>
        <source> (+%n more)</source>
        <translation>
            <numerusform> (+%n weiterer Treffer)</numerusform>
            <numerusform> (+%n weitere Treffer)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/search_model.py" line="41"/>
        <source>Bed %1</source>
        <translation>Bett %1</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../ui/shell.py" line="136"/>
        <source>Offline unlock is blocked after too many wrong PINs. Sign in online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="474"/>
        <source>Your hospital sign-in has ended. Unlock with your PIN to keep working offline, or sign in online to sync again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <location filename="../../ui/sign_in.py" line="38"/>
        <location filename="../../ui/sign_in.py" line="200"/>
        <location filename="../../ui/sign_in.py" line="217"/>
        <source>AskOnce — Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="67"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="82"/>
        <source>Users with a cache on this workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="86"/>
        <source>&amp;Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="91"/>
        <source>&amp;Someone else…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="92"/>
        <source>Sign in online with your hospital account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="110"/>
        <source>PIN</source>
        <translation type="unfinished">PIN</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="112"/>
        <source>&amp;PIN:</source>
        <translation type="unfinished">&amp;PIN:</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="115"/>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="117"/>
        <source>Sign in &amp;online…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="119"/>
        <source>Forgot the PIN, or offline unlock blocked: sign in with your hospital account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="122"/>
        <source>S&amp;witch user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="137"/>
        <source>Your browser has opened the hospital sign-in page. Sign in there, then come back here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="145"/>
        <source>Waiting for the browser sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="147"/>
        <source>Cancel</source>
        <translation type="unfinished">Abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="158"/>
        <source>Choose an offline PIN of at least %1 characters. It unlocks your patients&apos; data on this workstation, also when the network is down. Do not share it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="167"/>
        <source>New PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="170"/>
        <source>Repeat the new PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="172"/>
        <source>&amp;New PIN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="173"/>
        <source>&amp;Repeat:</source>
        <translation type="unfinished">&amp;Wiederholen:</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="175"/>
        <source>Set &amp;PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="188"/>
        <source>Continue as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="198"/>
        <source>Who is signing in?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="198"/>
        <source>Sign in to AskOnce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="208"/>
        <source>AskOnce is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="210"/>
        <source>Welcome back, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="213"/>
        <source>%1 was working here. Enter the PIN to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="215"/>
        <source>Enter your offline PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="217"/>
        <source>AskOnce — Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="225"/>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="230"/>
        <source>Hello, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="247"/>
        <source>Checking…</source>
        <translation type="unfinished">Wird geprüft…</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="267"/>
        <source>At least %1 characters.</source>
        <translation type="unfinished">Mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="271"/>
        <source>The two entries differ.</source>
        <translation type="unfinished">Die beiden Eingaben stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>Source</name>
    <message>
        <location filename="../../ui/widgets.py" line="68"/>
        <source>Source of the information</source>
        <translation>Informationsquelle</translation>
    </message>
    <message>
        <location filename="../../ui/style.py" line="66"/>
        <source>patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../../ui/style.py" line="67"/>
        <source>family</source>
        <translation>Angehörige</translation>
    </message>
    <message>
        <location filename="../../ui/style.py" line="68"/>
        <source>chart</source>
        <translation>Akte</translation>
    </message>
    <message>
        <location filename="../../ui/style.py" line="69"/>
        <source>other system</source>
        <translation>anderes System</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../ui/style.py" line="29"/>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <location filename="../../ui/style.py" line="37"/>
        <source>Re-confirm</source>
        <translation>Erneut bestätigen</translation>
    </message>
    <message>
        <location filename="../../ui/style.py" line="44"/>
        <source>Not asked</source>
        <translation>Nicht gefragt</translation>
    </message>
</context>
<context>
    <name>SummaryOutput</name>
    <message>
        <location filename="../../ui/discharge_summary.py" line="234"/>
        <source>Print the discharge summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_summary.py" line="239"/>
        <source>Export the discharge summary as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_summary.py" line="256"/>
        <source>Export discharge summary as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_summary.py" line="258"/>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_summary.py" line="291"/>
        <source>The printer could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_summary.py" line="304"/>
        <source>The PDF could not be written there. Choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummaryWriter</name>
    <message>
        <location filename="../../ui/discharge_document.py" line="80"/>
        <location filename="../../ui/discharge_summary.py" line="163"/>
        <location filename="../../ui/discharge_summary.py" line="185"/>
        <source>Discharge summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="82"/>
        <source>DEMO — synthetic patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="83"/>
        <source>MRN %1</source>
        <translation type="unfinished">PID %1</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="88"/>
        <source>Printed %1 by %2 · AskOnce · confidential patient information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="94"/>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="120"/>
        <source>DEMO — synthetic patient, not a real person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="137"/>
        <source>none recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="140"/>
        <source>Patient</source>
        <translation type="unfinished">Patient</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="142"/>
        <source>Born</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="143"/>
        <source>%1 (%2 years)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="145"/>
        <source>MRN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="147"/>
        <source>Ward / bed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="148"/>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="150"/>
        <source>Admitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="151"/>
        <source>Allergies and intolerances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="156"/>
        <source>allergy</source>
        <translation type="unfinished">Allergie</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="156"/>
        <source>intolerance</source>
        <translation type="unfinished">Unverträglichkeit</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="165"/>
        <source>DRAFT — no discharge plan has been started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge_document.py" line="171"/>
        <source>%n checklist item(s) open</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge_document.py" line="173"/>
        <source>%n medication(s) not yet reconciled</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="174"/>
        <source>DRAFT — not ready for discharge: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="178"/>
        <source>Checklist complete and all medications reconciled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="188"/>
        <source>not decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="190"/>
        <source>Expected discharge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="191"/>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="192"/>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="197"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="203"/>
        <source>Still open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="205"/>
        <location filename="../../ui/discharge_document.py" line="366"/>
        <source>Note</source>
        <translation type="unfinished">Notiz</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge_document.py" line="218"/>
        <source>%n medication(s) NOT YET RECONCILED — decide before discharge.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="245"/>
        <source>(do not take after discharge)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="250"/>
        <source>Medication</source>
        <translation type="unfinished">Medikament</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="251"/>
        <source>Dose, route, frequency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="252"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="253"/>
        <source>Change / reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="254"/>
        <source>Decided by, when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="269"/>
        <source>Helper at home after discharge: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="296"/>
        <source>(helper at home)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="313"/>
        <source>✓ verified by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="317"/>
        <source>NOT VERIFIED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="318"/>
        <source>yes</source>
        <translation type="unfinished">ja</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="318"/>
        <source>no</source>
        <translation type="unfinished">nein</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="322"/>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="323"/>
        <source>Relationship / role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="324"/>
        <source>Phone / e-mail (in order)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="325"/>
        <source>Best reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="326"/>
        <source>Consent to share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="327"/>
        <source>Verified for discharge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="337"/>
        <source>%1, %2 (source: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="343"/>
        <location filename="../../ui/discharge_document.py" line="355"/>
        <source>Preferred channel</source>
        <translation type="unfinished">Bevorzugter Kontaktweg</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="344"/>
        <source>Best times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="344"/>
        <source>no preference given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="345"/>
        <source>Recorded by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="349"/>
        <source>due for re-confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="351"/>
        <source>not yet asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="356"/>
        <source>UNKNOWN — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="360"/>
        <source>Last answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="366"/>
        <source>When</source>
        <translation type="unfinished">Wann</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="366"/>
        <source>With</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="366"/>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="383"/>
        <source>date to be agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_summary.py" line="188"/>
        <source>Print discharge summary</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../ui/sync_bridge.py" line="118"/>
        <source>Syncing…</source>
        <translation>Abgleich läuft…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_bridge.py" line="121"/>
        <source>sending</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location filename="../../ui/sync_bridge.py" line="122"/>
        <source>checking your patients</source>
        <translation>Prüfen Ihrer Patienten</translation>
    </message>
    <message>
        <location filename="../../ui/sync_bridge.py" line="123"/>
        <source>receiving</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <location filename="../../ui/sync_bridge.py" line="126"/>
        <source>Syncing: %1 (%2 of %3)</source>
        <translation>Abgleich: %1 (%2 von %3)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_bridge.py" line="186"/>
        <source>Offline since %1</source>
        <translation>Offline seit %1</translation>
    </message>
    <message>
        <location filename="../../ui/sync_bridge.py" line="191"/>
        <source>Last sync failed</source>
        <translation>Letzter Abgleich fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../ui/sync_bridge.py" line="193"/>
        <source>Up to date</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <location filename="../../ui/sync_bridge.py" line="195"/>
        <source>Not synced yet</source>
        <translation>Noch nicht abgeglichen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync_bridge.py" line="197"/>
        <source>%n conflict(s) to resolve — open</source>
        <translation>
            <numerusform>%n Konflikt zu lösen — öffnen</numerusform>
            <numerusform>%n Konflikte zu lösen — öffnen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync_bridge.py" line="199"/>
        <source>Server rejected %n change(s) — open</source>
        <translation>
            <numerusform>Server hat %n Änderung abgelehnt — öffnen</numerusform>
            <numerusform>Server hat %n Änderungen abgelehnt — öffnen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync_bridge.py" line="202"/>
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n Änderung wartet</numerusform>
            <numerusform>%n Änderungen warten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncProblems</name>
    <message>
        <location filename="../../ui/sync_problems.py" line="51"/>
        <source>Refused changes</source>
        <translation>Abgelehnte Änderungen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync_problems.py" line="53"/>
        <source>The server refused %n change(s). They are kept here.</source>
        <translation>
            <numerusform>Der Server hat %n Änderung abgelehnt. Sie bleibt hier erhalten.</numerusform>
            <numerusform>Der Server hat %n Änderungen abgelehnt. Sie bleiben hier erhalten.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/sync_problems.py" line="56"/>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="128"/>
        <source>Edit checklist item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="128"/>
        <source>Add checklist item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="131"/>
        <source>Checklist item (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="132"/>
        <source>Required, e.g. Wound-care supplies ordered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="134"/>
        <source>Responsible role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="138"/>
        <source>Assigned to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="139"/>
        <source>nobody yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="143"/>
        <source>me (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="146"/>
        <location filename="../../ui/discharge_dialogs.py" line="147"/>
        <source>Has a due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="149"/>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="154"/>
        <source>Status</source>
        <translation type="unfinished">Status</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="157"/>
        <source>Note</source>
        <translation type="unfinished">Notiz</translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="158"/>
        <source>Save checklist item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="165"/>
        <source>&amp;Item *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="166"/>
        <source>&amp;Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="167"/>
        <source>Assigned &amp;to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="168"/>
        <source>D&amp;ue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="169"/>
        <source>&amp;Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_dialogs.py" line="170"/>
        <source>&amp;Note</source>
        <translation type="unfinished">&amp;Notiz</translation>
    </message>
</context>
<context>
    <name>Telecom</name>
    <message>
        <location filename="../../ui/contact_dialog.py" line="48"/>
        <source>phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="46"/>
        <source>e-mail</source>
        <translation>E-Mail</translation>
    </message>
</context>
<context>
    <name>TelecomEditor</name>
    <message>
        <location filename="../../ui/contact_dialog.py" line="68"/>
        <source>Phone numbers and e-mail, first is tried first</source>
        <translation>Telefonnummern und E-Mail; der erste Eintrag wird zuerst versucht</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="73"/>
        <source>Type: phone or e-mail</source>
        <translation>Art: Telefon oder E-Mail</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="75"/>
        <location filename="../../ui/contact_dialog.py" line="76"/>
        <source>Number or address</source>
        <translation>Nummer oder Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="78"/>
        <source>Label, e.g. mobile or work</source>
        <translation>Bezeichnung, z. B. mobil oder dienstlich</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="79"/>
        <source>Label, e.g. mobile</source>
        <translation>Bezeichnung, z. B. mobil</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="80"/>
        <source>Add number</source>
        <translation>Nummer hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="80"/>
        <source>Add a number or e-mail</source>
        <translation>Nummer oder E-Mail hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="81"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="81"/>
        <source>Remove the selected entry</source>
        <translation>Ausgewählten Eintrag entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="82"/>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="82"/>
        <source>Try the selected entry earlier</source>
        <translation>Ausgewählten Eintrag früher versuchen</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="84"/>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="84"/>
        <source>Try the selected entry later</source>
        <translation>Ausgewählten Eintrag später versuchen</translation>
    </message>
    <message>
        <location filename="../../ui/contact_dialog.py" line="141"/>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
</context>
<context>
    <name>Time</name>
    <message>
        <location filename="../../ui/style.py" line="79"/>
        <source>today %1</source>
        <translation>heute %1</translation>
    </message>
    <message>
        <location filename="../../ui/style.py" line="83"/>
        <source>yesterday %1</source>
        <translation>gestern %1</translation>
    </message>
    <message>
        <location filename="../../ui/style.py" line="87"/>
        <source>%1 days ago</source>
        <translation>vor %1 Tagen</translation>
    </message>
</context>
<context>
    <name>Unsent</name>
    <message>
        <location filename="../../ui/table_model.py" line="118"/>
        <source>not yet sent</source>
        <translation>noch nicht gesendet</translation>
    </message>
</context>
<context>
    <name>WardTableModel</name>
    <message>
        <location filename="../../ui/ward_model.py" line="32"/>
        <source>Bed</source>
        <translation>Bett</translation>
    </message>
    <message>
        <location filename="../../ui/ward_model.py" line="33"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../../ui/ward_model.py" line="34"/>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <location filename="../../ui/ward_model.py" line="35"/>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location filename="../../ui/ward_model.py" line="36"/>
        <source>Unsent</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <location filename="../../ui/ward_model.py" line="39"/>
        <source>Questions never asked or due for re-confirmation</source>
        <translation>Noch nie gestellte oder erneut zu bestätigende Fragen</translation>
    </message>
    <message>
        <location filename="../../ui/ward_model.py" line="40"/>
        <source>Changes saved here but not yet sent to the server</source>
        <translation>Hier gespeicherte, aber noch nicht an den Server gesendete Änderungen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ward_model.py" line="57"/>
        <source>%n question(s) open</source>
        <translation>
            <numerusform>%n Frage offen</numerusform>
            <numerusform>%n Fragen offen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ward_model.py" line="58"/>
        <source>, %n due for re-confirmation</source>
        <translation>
            <numerusform>, %n erneut zu bestätigen</numerusform>
            <numerusform>, %n erneut zu bestätigen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/ward_model.py" line="64"/>
        <source>No longer assigned to you: kept here until your changes reach the server.</source>
        <translation>Ihnen nicht mehr zugeordnet: bleibt hier, bis Ihre Änderungen beim Server angekommen sind.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ward_model.py" line="67"/>
        <source>%n change(s) not yet sent</source>
        <translation>
            <numerusform>%n Änderung noch nicht gesendet</numerusform>
            <numerusform>%n Änderungen noch nicht gesendet</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/ward_model.py" line="97"/>
        <source>emergency access until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ward_model.py" line="102"/>
        <source>not assigned</source>
        <translation>nicht zugeordnet</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ward_model.py" line="108"/>
        <source>%n open</source>
        <translation>
            <numerusform>%n offen</numerusform>
            <numerusform>%n offen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ward_model.py" line="116"/>
        <source>%n not sent</source>
        <translation>
            <numerusform>%n nicht gesendet</numerusform>
            <numerusform>%n nicht gesendet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>writer</name>
    <message>
        <location filename="../../ui/discharge_document.py" line="458"/>
        <source>Discharge summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/discharge_document.py" line="466"/>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
