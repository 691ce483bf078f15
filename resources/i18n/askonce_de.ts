<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AnswerDialog</name>
    <message>
        <location filename="../../ui/chart/answer_dialog.py" line="29"/>
        <source>Correct answer</source>
        <translation>Antwort korrigieren</translation>
    </message>
    <message>
        <location filename="../../ui/chart/answer_dialog.py" line="29"/>
        <source>Record answer</source>
        <translation>Antwort erfassen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/answer_dialog.py" line="43"/>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <location filename="../../ui/chart/answer_dialog.py" line="50"/>
        <source>Previous answer: %1 — %2, %3</source>
        <translation>Bisherige Antwort: %1 — %2, %3</translation>
    </message>
    <message>
        <location filename="../../ui/chart/answer_dialog.py" line="59"/>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location filename="../../ui/chart/answer_dialog.py" line="75"/>
        <source>Source of the answer</source>
        <translation>Quelle der Antwort</translation>
    </message>
    <message>
        <location filename="../../ui/chart/answer_dialog.py" line="76"/>
        <source>Answer given by:</source>
        <translation>Antwort von:</translation>
    </message>
    <message>
        <location filename="../../ui/chart/answer_dialog.py" line="78"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location filename="../../ui/chart/answer_dialog.py" line="80"/>
        <source>Why it changed (optional)</source>
        <translation>Grund der Änderung (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/chart/answer_dialog.py" line="80"/>
        <source>Optional note</source>
        <translation>Notiz (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/chart/answer_dialog.py" line="82"/>
        <source>Note:</source>
        <translation>Notiz:</translation>
    </message>
    <message>
        <location filename="../../ui/chart/answer_dialog.py" line="102"/>
        <source>Hospital record: %1 — %2</source>
        <translation>Krankenhausakte: %1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/chart/answer_dialog.py" line="115"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../ui/chart/answer_dialog.py" line="115"/>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <location filename="../../ui/chart/answer_dialog.py" line="140"/>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <location filename="../../ui/chart/answer_dialog.py" line="147"/>
        <source>Answer text</source>
        <translation>Antworttext</translation>
    </message>
    <message>
        <location filename="../../ui/chart/answer_dialog.py" line="157"/>
        <source>Or, asked but no answer</source>
        <translation>Oder: gefragt, aber keine Antwort</translation>
    </message>
</context>
<context>
    <name>Appearance</name>
    <message>
        <location filename="../../ui/base/appearance.py" line="25"/>
        <source>Follow the &amp;system</source>
        <translation>Wie das &amp;System</translation>
    </message>
    <message>
        <location filename="../../ui/base/appearance.py" line="26"/>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <location filename="../../ui/base/appearance.py" line="27"/>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <location filename="../../ui/base/appearance.py" line="28"/>
        <source>&amp;High contrast</source>
        <translation>&amp;Hoher Kontrast</translation>
    </message>
</context>
<context>
    <name>AppearanceController</name>
    <message>
        <location filename="../../ui/base/appearance.py" line="150"/>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <location filename="../../ui/base/appearance.py" line="151"/>
        <source>The choice applies now but could not be kept for next time.</source>
        <translation>Die Auswahl gilt jetzt, konnte aber nicht für das nächste Mal gespeichert werden.</translation>
    </message>
    <message>
        <location filename="../../ui/base/appearance.py" line="157"/>
        <source>A&amp;ppearance</source>
        <translation>&amp;Darstellung</translation>
    </message>
    <message>
        <location filename="../../ui/base/appearance.py" line="169"/>
        <source>Set by your IT department</source>
        <translation>Von Ihrer IT-Abteilung festgelegt</translation>
    </message>
</context>
<context>
    <name>AppointmentDialog</name>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="277"/>
        <source>Edit appointment</source>
        <translation>Termin bearbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="277"/>
        <source>Add appointment</source>
        <translation>Termin hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="288"/>
        <source>Date and time</source>
        <translation>Datum und Uhrzeit</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="290"/>
        <source>With whom (required)</source>
        <translation>Bei wem (Pflichtfeld)</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="291"/>
        <source>Required, e.g. GP Dr Weber</source>
        <translation>Pflichtfeld, z. B. Hausarzt Dr. Weber</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="293"/>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="294"/>
        <source>e.g. Practice, Hauptstraße 3</source>
        <translation>z. B. Praxis, Hauptstraße 3</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="295"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="296"/>
        <source>Save appointment</source>
        <translation>Termin speichern</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="299"/>
        <source>&amp;When</source>
        <translation>&amp;Wann</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="300"/>
        <source>&amp;With *</source>
        <translation>&amp;Bei *</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="301"/>
        <source>W&amp;here</source>
        <translation>W&amp;o</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="302"/>
        <source>&amp;Note</source>
        <translation>&amp;Notiz</translation>
    </message>
</context>
<context>
    <name>AppointmentModel</name>
    <message>
        <location filename="../../ui/discharge/models.py" line="311"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/models.py" line="312"/>
        <source>With</source>
        <translation>Bei</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/models.py" line="313"/>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/models.py" line="314"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/models.py" line="329"/>
        <source>date to be agreed</source>
        <translation>Datum noch zu vereinbaren</translation>
    </message>
</context>
<context>
    <name>AskOnceBoard</name>
    <message>
        <location filename="../../ui/chart/question_board.py" line="425"/>
        <source>Question summary</source>
        <translation>Fragenübersicht</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="427"/>
        <source>Ask the open questions…</source>
        <translation>Offene Fragen stellen…</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="428"/>
        <source>Ask the open questions one by one</source>
        <translation>Die offenen Fragen nacheinander stellen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="430"/>
        <source>One question after another, one key per answer (Ctrl+I, or I on the board)</source>
        <translation>Eine Frage nach der anderen, eine Taste pro Antwort (Strg+I, oder I auf dieser Registerkarte)</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="441"/>
        <source>&amp;Show:</source>
        <translation>&amp;Anzeigen:</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="443"/>
        <source>All questions</source>
        <translation>Alle Fragen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="444"/>
        <source>Still to ask or re-confirm</source>
        <translation>Noch zu fragen oder erneut zu bestätigen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="445"/>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="446"/>
        <source>Show questions</source>
        <translation>Fragen anzeigen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="454"/>
        <source>Ask-once questions</source>
        <translation>Fragen zum Einmal-Fragen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="506"/>
        <source>&lt;b&gt;%1 of %2&lt;/b&gt; answered · &lt;b&gt;%3&lt;/b&gt; to re-confirm · &lt;b&gt;%4&lt;/b&gt; not asked yet</source>
        <translation>&lt;b&gt;%1 von %2&lt;/b&gt; beantwortet · &lt;b&gt;%3&lt;/b&gt; erneut zu bestätigen · &lt;b&gt;%4&lt;/b&gt; noch nicht gefragt</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="515"/>
        <source>differing from the hospital record: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>abweichend von der Krankenhausakte: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="544"/>
        <source>preferred</source>
        <translation>bevorzugt</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="547"/>
        <source>Languages: %1</source>
        <translation>Sprachen: %1</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="550"/>
        <source>Interpreter required</source>
        <translation>Dolmetscher erforderlich</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="552"/>
        <source>No interpreter required</source>
        <translation>Kein Dolmetscher erforderlich</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="557"/>
        <source>Address: %1</source>
        <translation>Adresse: %1</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="563"/>
        <source>Contact: %1</source>
        <translation>Kontaktperson: %1</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="569"/>
        <source>Hospital record (as of %1)</source>
        <translation>Krankenhausakte (Stand %1)</translation>
    </message>
</context>
<context>
    <name>BreakGlassDialog</name>
    <message>
        <location filename="../../ui/access/break_glass.py" line="18"/>
        <source>Emergency access to a patient</source>
        <translation>Notfallzugriff auf einen Patienten</translation>
    </message>
    <message>
        <location filename="../../ui/access/break_glass.py" line="22"/>
        <source>Only for a patient you must care for now who is not in your list. Access lasts %1 minutes and is recorded with your reason.</source>
        <translation>Nur für einen Patienten, den Sie jetzt versorgen müssen und der nicht in Ihrer Liste steht. Der Zugriff gilt %1 Minuten und wird mit Ihrer Begründung protokolliert.</translation>
    </message>
    <message>
        <location filename="../../ui/access/break_glass.py" line="30"/>
        <source>Medical record number</source>
        <translation>Patienten-ID (PID)</translation>
    </message>
    <message>
        <location filename="../../ui/access/break_glass.py" line="31"/>
        <source>&amp;MRN:</source>
        <translation>&amp;PID:</translation>
    </message>
    <message>
        <location filename="../../ui/access/break_glass.py" line="34"/>
        <source>Reason for emergency access</source>
        <translation>Grund für den Notfallzugriff</translation>
    </message>
    <message>
        <location filename="../../ui/access/break_glass.py" line="35"/>
        <source>e.g. covering bed 12 during a resuscitation</source>
        <translation>z. B. Vertretung für Bett 12 während einer Reanimation</translation>
    </message>
    <message>
        <location filename="../../ui/access/break_glass.py" line="37"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
</context>
<context>
    <name>BreakGlassFlow</name>
    <message>
        <location filename="../../ui/access/break_glass_flow.py" line="65"/>
        <source>emergency access to a patient</source>
        <translation>Notfallzugriff auf einen Patienten</translation>
    </message>
    <message>
        <location filename="../../ui/access/break_glass_flow.py" line="70"/>
        <source>No patient with that MRN on the server.</source>
        <translation>Kein Patient mit dieser PID auf dem Server.</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <location filename="../../ui/base/words.py" line="93"/>
        <source>no preference</source>
        <translation>keine Präferenz</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="95"/>
        <source>phone call</source>
        <translation>Anruf</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="96"/>
        <source>text message (SMS)</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="97"/>
        <source>e-mail</source>
        <translation>E-Mail</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../ui/discharge/models.py" line="66"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/models.py" line="67"/>
        <source>Checklist item</source>
        <translation>Checklistenpunkt</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/models.py" line="68"/>
        <source>Owner</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/models.py" line="69"/>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/models.py" line="70"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/models.py" line="71"/>
        <source>Unsent</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/models.py" line="73"/>
        <source>Saved here but not yet sent to the server</source>
        <translation>Hier gespeichert, aber noch nicht an den Server gesendet</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/models.py" line="90"/>
        <source>Space: done / not done · Enter: edit</source>
        <translation>Leertaste: erledigt / nicht erledigt · Eingabetaste: bearbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/models.py" line="121"/>
        <source>overdue</source>
        <translation>überfällig</translation>
    </message>
</context>
<context>
    <name>ChecklistSection</name>
    <message>
        <location filename="../../ui/discharge/sections/checklist.py" line="35"/>
        <source>Checklist</source>
        <translation>Checkliste</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/checklist.py" line="47"/>
        <source>Discharge checklist</source>
        <translation>Checkliste zur Entlassung</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/checklist.py" line="52"/>
        <source>Space marks the selected item done or not done; Enter edits it</source>
        <translation>Die Leertaste markiert den ausgewählten Punkt als erledigt oder nicht erledigt; die Eingabetaste bearbeitet ihn</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/checklist.py" line="56"/>
        <location filename="../../ui/discharge/sections/checklist.py" line="122"/>
        <source>Mark done</source>
        <translation>Als erledigt markieren</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/checklist.py" line="57"/>
        <source>Mark selected checklist item done</source>
        <translation>Ausgewählten Checklistenpunkt als erledigt markieren</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/checklist.py" line="58"/>
        <source>Mark the selected item done, or not done again (Space in the list)</source>
        <translation>Ausgewählten Punkt als erledigt oder wieder als nicht erledigt markieren (Leertaste in der Liste)</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/checklist.py" line="62"/>
        <source>Set status</source>
        <translation>Status setzen</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/checklist.py" line="63"/>
        <source>Set status of selected checklist item</source>
        <translation>Status des ausgewählten Checklistenpunkts setzen</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/checklist.py" line="64"/>
        <source>To do, in progress, done or not needed (menu key in the list)</source>
        <translation>Offen, in Arbeit, erledigt oder entfällt (Menütaste in der Liste)</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/checklist.py" line="73"/>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/checklist.py" line="74"/>
        <source>Edit selected checklist item</source>
        <translation>Ausgewählten Checklistenpunkt bearbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/checklist.py" line="75"/>
        <source>Owner, due date, status and note (Enter in the list)</source>
        <translation>Zuständigkeit, Fälligkeit, Status und Notiz (Eingabetaste in der Liste)</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/checklist.py" line="79"/>
        <source>Add item…</source>
        <translation>Punkt hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/checklist.py" line="80"/>
        <source>Add checklist item</source>
        <translation>Checklistenpunkt hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/checklist.py" line="81"/>
        <source>Add an item this patient needs beyond the standard checklist</source>
        <translation>Einen Punkt hinzufügen, den dieser Patient über die Standard-Checkliste hinaus braucht</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/checklist.py" line="90"/>
        <source>Space: done · Enter: edit</source>
        <translation>Leertaste: erledigt · Eingabetaste: bearbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/checklist.py" line="122"/>
        <source>Mark not done</source>
        <translation>Als nicht erledigt markieren</translation>
    </message>
</context>
<context>
    <name>Conflict</name>
    <message>
        <location filename="../../ui/syncstatus/conflict_dialog.py" line="27"/>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/conflict_dialog.py" line="28"/>
        <source>Home medication</source>
        <translation>Hausmedikation</translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/conflict_dialog.py" line="29"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/conflict_dialog.py" line="30"/>
        <source>Discharge plan</source>
        <translation>Entlassplan</translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/conflict_dialog.py" line="31"/>
        <source>Discharge checklist item</source>
        <translation>Punkt der Entlass-Checkliste</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../ui/syncstatus/conflict_dialog.py" line="94"/>
        <source>Resolve a conflict</source>
        <translation>Konflikt lösen</translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/conflict_dialog.py" line="99"/>
        <source>&lt;b&gt;%1 for %2&lt;/b&gt; was changed on this workstation and, meanwhile, by someone else. Choose which version is right.</source>
        <translation>&lt;b&gt;%1 für %2&lt;/b&gt; wurde auf diesem Arbeitsplatz und zwischenzeitlich auch von jemand anderem geändert. Wählen Sie, welche Version richtig ist.</translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/conflict_dialog.py" line="109"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/conflict_dialog.py" line="109"/>
        <source>On this workstation</source>
        <translation>Auf diesem Arbeitsplatz</translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/conflict_dialog.py" line="109"/>
        <source>On the server</source>
        <translation>Auf dem Server</translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/conflict_dialog.py" line="111"/>
        <source>Differences</source>
        <translation>Unterschiede</translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/conflict_dialog.py" line="128"/>
        <source>Server version by: %1</source>
        <translation>Server-Version von: %1</translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/conflict_dialog.py" line="135"/>
        <source>Keep &amp;mine</source>
        <translation>&amp;Meine behalten</translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/conflict_dialog.py" line="138"/>
        <source>Keep the &amp;server&apos;s</source>
        <translation>&amp;Server-Version behalten</translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/conflict_dialog.py" line="141"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/conflict_dialog.py" line="144"/>
        <source>Write the right answer yourself</source>
        <translation>Richtige Antwort selbst eingeben</translation>
    </message>
</context>
<context>
    <name>ConflictListDialog</name>
    <message>
        <location filename="../../ui/syncstatus/conflict_dialog.py" line="171"/>
        <source>Conflicts to resolve</source>
        <translation>Zu lösende Konflikte</translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/conflict_dialog.py" line="176"/>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/conflict_dialog.py" line="184"/>
        <source>No conflicts.</source>
        <translation>Keine Konflikte.</translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/conflict_dialog.py" line="189"/>
        <source>&amp;Open…</source>
        <translation>&amp;Öffnen…</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="179"/>
        <source>Edit contact</source>
        <translation>Kontakt bearbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="179"/>
        <source>Add contact</source>
        <translation>Kontakt hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="181"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="182"/>
        <source>Agency or service</source>
        <translation>Einrichtung oder Dienst</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="183"/>
        <source>Person or agency</source>
        <translation>Person oder Einrichtung</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="184"/>
        <source>Name (required)</source>
        <translation>Name (Pflichtfeld)</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="184"/>
        <source>Required</source>
        <translation>Pflichtfeld</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="186"/>
        <source>Relationship</source>
        <translation>Beziehung</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="186"/>
        <source>e.g. daughter, neighbour</source>
        <translation>z. B. Tochter, Nachbar</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="194"/>
        <source>Role: %1</source>
        <translation>Rolle: %1</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="201"/>
        <source>Preferred channel</source>
        <translation>Bevorzugter Kontaktweg</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="203"/>
        <source>Preferred times</source>
        <translation>Bevorzugte Zeiten</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="203"/>
        <source>e.g. weekdays after 17:00</source>
        <translation>z. B. werktags ab 17:00</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="205"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="205"/>
        <source>e.g. German</source>
        <translation>z. B. Deutsch</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="207"/>
        <source>May receive information about the patient</source>
        <translation>Darf Auskunft über den Patienten erhalten</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="209"/>
        <source>Consent to share information</source>
        <translation>Einwilligung zur Auskunftserteilung</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="212"/>
        <source>Tick only if the patient agreed that this contact may be told about their care, test results and discharge plans.</source>
        <translation>Nur ankreuzen, wenn der Patient eingewilligt hat, dass dieser Kontakt über Pflege, Befunde und Entlassungsplanung informiert werden darf.</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="221"/>
        <source>I checked these details with the contact just now</source>
        <translation>Ich habe diese Angaben soeben mit dem Kontakt abgeglichen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="223"/>
        <source>Details checked with the contact</source>
        <translation>Angaben mit dem Kontakt abgeglichen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="224"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="228"/>
        <source>Save contact</source>
        <translation>Kontakt speichern</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="228"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="231"/>
        <source>&amp;Kind</source>
        <translation>A&amp;rt</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="232"/>
        <source>&amp;Name *</source>
        <translation>&amp;Name *</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="233"/>
        <source>&amp;Relationship</source>
        <translation>&amp;Beziehung</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="234"/>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="235"/>
        <source>&amp;Phone / e-mail</source>
        <translation>&amp;Telefon / E-Mail</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="236"/>
        <source>Pre&amp;ferred channel</source>
        <translation>Bevorzugter &amp;Kontaktweg</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="237"/>
        <source>Preferred &amp;times</source>
        <translation>Bevorzugte &amp;Zeiten</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="238"/>
        <source>&amp;Language</source>
        <translation>S&amp;prache</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="242"/>
        <source>N&amp;ote</source>
        <translation>N&amp;otiz</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="243"/>
        <source>So&amp;urce</source>
        <translation>&amp;Quelle</translation>
    </message>
</context>
<context>
    <name>ContactRole</name>
    <message>
        <location filename="../../ui/base/words.py" line="78"/>
        <source>helps at home</source>
        <translation>hilft zu Hause</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="81"/>
        <source>emergency contact</source>
        <translation>Notfallkontakt</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="84"/>
        <source>legal proxy</source>
        <translation>gesetzliche Vertretung</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="85"/>
        <source>home-care provider</source>
        <translation>ambulanter Pflegedienst</translation>
    </message>
</context>
<context>
    <name>ContactTableModel</name>
    <message>
        <location filename="../../ui/chart/contacts_tab.py" line="60"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contacts_tab.py" line="61"/>
        <source>Relationship</source>
        <translation>Beziehung</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contacts_tab.py" line="62"/>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contacts_tab.py" line="63"/>
        <source>Phone / e-mail</source>
        <translation>Telefon / E-Mail</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contacts_tab.py" line="64"/>
        <source>Preferred</source>
        <translation>Bevorzugt</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contacts_tab.py" line="65"/>
        <source>Consent</source>
        <translation>Einwilligung</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contacts_tab.py" line="66"/>
        <source>Verified</source>
        <translation>Überprüft</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contacts_tab.py" line="67"/>
        <source>Unsent</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contacts_tab.py" line="70"/>
        <source>In the order to try: number 1 first</source>
        <translation>In dieser Reihenfolge versuchen: zuerst Nummer 1</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contacts_tab.py" line="71"/>
        <source>May receive information about the patient&apos;s care</source>
        <translation>Darf Auskunft über die Versorgung des Patienten erhalten</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contacts_tab.py" line="72"/>
        <source>Saved here but not yet sent to the server</source>
        <translation>Hier gespeichert, aber noch nicht an den Server gesendet</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contacts_tab.py" line="97"/>
        <source>%1 (agency)</source>
        <translation>%1 (Einrichtung)</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contacts_tab.py" line="98"/>
        <source>%1 (removed)</source>
        <translation>%1 (entfernt)</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contacts_tab.py" line="109"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contacts_tab.py" line="109"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contacts_tab.py" line="112"/>
        <source>not verified</source>
        <translation>nicht überprüft</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contacts_tab.py" line="125"/>
        <source>Checked on %1</source>
        <translation>Überprüft am %1</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contacts_tab.py" line="129"/>
        <source>Recorded by %1 on %2 (source: %3)</source>
        <translation>Erfasst von %1 am %2 (Quelle: %3)</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contacts_tab.py" line="134"/>
        <source>Note: %1</source>
        <translation>Notiz: %1</translation>
    </message>
</context>
<context>
    <name>ContactsSection</name>
    <message>
        <location filename="../../ui/discharge/sections/contacts.py" line="31"/>
        <source>Home care — contacts and helper</source>
        <translation>Häusliche Versorgung — Kontakte und Helfer</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/contacts.py" line="36"/>
        <source>Home-care contacts for discharge</source>
        <translation>Kontakte für die häusliche Versorgung nach der Entlassung</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/contacts.py" line="42"/>
        <source>No contacts recorded yet: add them on the Home &amp; helpers tab.</source>
        <translation>Noch keine Kontakte erfasst: Fügen Sie sie auf der Registerkarte „Zuhause &amp; Helfer“ hinzu.</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/contacts.py" line="49"/>
        <location filename="../../ui/discharge/sections/contacts.py" line="112"/>
        <source>Verify for discharge</source>
        <translation>Für Entlassung bestätigen</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/contacts.py" line="50"/>
        <source>Verify selected contact for discharge</source>
        <translation>Ausgewählten Kontakt für die Entlassung bestätigen</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/contacts.py" line="52"/>
        <source>You checked name and number with the patient or the contact: recorded with your name and the time</source>
        <translation>Sie haben Name und Nummer mit dem Patienten oder dem Kontakt abgeglichen: wird mit Ihrem Namen und der Uhrzeit dokumentiert</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/contacts.py" line="60"/>
        <source>Helper at &amp;home after discharge:</source>
        <translation>Hel&amp;fer zu Hause nach der Entlassung:</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/contacts.py" line="62"/>
        <source>Helper at home after discharge</source>
        <translation>Helfer zu Hause nach der Entlassung</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/contacts.py" line="89"/>
        <source>— nobody chosen yet —</source>
        <translation>— noch niemand ausgewählt —</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/contacts.py" line="95"/>
        <source>no consent to receive information</source>
        <translation>keine Einwilligung, Informationen zu erhalten</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/contacts.py" line="102"/>
        <source>Start the discharge plan first</source>
        <translation>Beginnen Sie zuerst die Entlassplanung</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/contacts.py" line="104"/>
        <source>The person who will be at home to help after discharge</source>
        <translation>Die Person, die nach der Entlassung zu Hause hilft</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/contacts.py" line="112"/>
        <source>Verify again</source>
        <translation>Erneut bestätigen</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <location filename="../../ui/chart/contacts_tab.py" line="168"/>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contacts_tab.py" line="169"/>
        <source>Add contact</source>
        <translation>Kontakt hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contacts_tab.py" line="170"/>
        <source>Add a person or agency (Insert in the list)</source>
        <translation>Person oder Einrichtung hinzufügen (Einfg in der Liste)</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contacts_tab.py" line="174"/>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contacts_tab.py" line="175"/>
        <source>Edit selected contact</source>
        <translation>Ausgewählten Kontakt bearbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contacts_tab.py" line="176"/>
        <source>Edit the selected contact (Enter or double-click)</source>
        <translation>Ausgewählten Kontakt bearbeiten (Eingabetaste oder Doppelklick)</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contacts_tab.py" line="180"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contacts_tab.py" line="181"/>
        <source>Remove selected contact</source>
        <translation>Ausgewählten Kontakt entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contacts_tab.py" line="182"/>
        <source>Remove the selected contact; it stays in the history (Delete in the list)</source>
        <translation>Ausgewählten Kontakt entfernen; er bleibt im Verlauf erhalten (Entf in der Liste)</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contacts_tab.py" line="185"/>
        <source>Show removed</source>
        <translation>Entfernte anzeigen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contacts_tab.py" line="186"/>
        <source>Show removed contacts</source>
        <translation>Entfernte Kontakte anzeigen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contacts_tab.py" line="187"/>
        <source>Also list contacts that were removed</source>
        <translation>Auch entfernte Kontakte auflisten</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contacts_tab.py" line="190"/>
        <source>No contacts recorded yet. Ask: “Who helps you at home, and whom should we call if needed?”</source>
        <translation>Noch keine Kontakte erfasst. Fragen Sie: „Wer hilft Ihnen zu Hause, und wen sollen wir im Bedarfsfall anrufen?“</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contacts_tab.py" line="195"/>
        <source>Home-care contacts</source>
        <translation>Kontakte für die häusliche Versorgung</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contacts_tab.py" line="234"/>
        <source>Remove “%1” from the contacts? The entry is kept in the history and can be listed again with “Show removed”.</source>
        <translation>„%1“ aus den Kontakten entfernen? Der Eintrag bleibt im Verlauf erhalten und kann mit „Entfernte anzeigen“ wieder aufgelistet werden.</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contacts_tab.py" line="239"/>
        <source>Remove contact</source>
        <translation>Kontakt entfernen</translation>
    </message>
</context>
<context>
    <name>Diagnostics</name>
    <message>
        <location filename="../../ui/base/diagnostics.py" line="44"/>
        <source>Export diagnostics</source>
        <translation>Diagnose exportieren</translation>
    </message>
    <message>
        <location filename="../../ui/base/diagnostics.py" line="45"/>
        <source>Zip archives (*.zip)</source>
        <translation>Zip-Archive (*.zip)</translation>
    </message>
    <message>
        <location filename="../../ui/base/diagnostics.py" line="84"/>
        <source>Diagnostics exported</source>
        <translation>Diagnose exportiert</translation>
    </message>
    <message>
        <location filename="../../ui/base/diagnostics.py" line="85"/>
        <source>The diagnostics were saved to:
{path}

They hold no patient data. Send the file to IT.</source>
        <translation>Die Diagnose wurde gespeichert unter:
{path}

Sie enthält keine Patientendaten. Senden Sie die Datei an die IT.</translation>
    </message>
    <message>
        <location filename="../../ui/base/diagnostics.py" line="97"/>
        <source>Diagnostics not exported</source>
        <translation>Diagnose nicht exportiert</translation>
    </message>
</context>
<context>
    <name>Discharge</name>
    <message>
        <location filename="../../ui/base/words.py" line="111"/>
        <source>not decided</source>
        <translation>noch nicht festgelegt</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="113"/>
        <source>home</source>
        <translation>Zuhause</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="114"/>
        <source>home with care services</source>
        <translation>Zuhause mit Pflegedienst</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="117"/>
        <source>rehabilitation</source>
        <translation>Rehabilitation</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="120"/>
        <source>nursing facility</source>
        <translation>Pflegeeinrichtung</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="123"/>
        <source>other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="137"/>
        <source>to do</source>
        <translation>offen</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="138"/>
        <source>in progress</source>
        <translation>in Arbeit</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="139"/>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="140"/>
        <source>not needed</source>
        <translation>entfällt</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="151"/>
        <source>nurse</source>
        <translation>Pflegekraft</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="152"/>
        <source>discharge coordinator</source>
        <translation>Entlassmanagement</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="155"/>
        <source>pharmacist</source>
        <translation>Apotheke</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="156"/>
        <source>physician</source>
        <translation>Ärztlicher Dienst</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="157"/>
        <source>social worker</source>
        <translation>Sozialdienst</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="174"/>
        <source>not yet reconciled</source>
        <translation>noch offen</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="176"/>
        <source>continue</source>
        <translation>fortführen</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="177"/>
        <source>change</source>
        <translation>ändern</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="178"/>
        <source>stop</source>
        <translation>absetzen</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="179"/>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="195"/>
        <source>overdue</source>
        <translation>überfällig</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/text.py" line="20"/>
        <source>no checklist yet</source>
        <translation>noch keine Checkliste</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/text.py" line="22"/>
        <source>%1 of %2 done</source>
        <translation>%1 von %2 erledigt</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/text.py" line="39"/>
        <source>all medications reconciled</source>
        <translation>Entscheidung zu allen Medikamenten getroffen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge/text.py" line="40"/>
        <source>%n not yet reconciled</source>
        <translation>
            <numerusform>%n noch offen</numerusform>
            <numerusform>%n noch offen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/discharge/text.py" line="47"/>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/text.py" line="49"/>
        <source>tomorrow</source>
        <translation>morgen</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/text.py" line="51"/>
        <source>yesterday</source>
        <translation>gestern</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge/text.py" line="53"/>
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n Tag</numerusform>
            <numerusform>in %n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge/text.py" line="54"/>
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge_text.py" line="116"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n überfällig</numerusform>
            <numerusform>%n überfällig</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DischargeBoard</name>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="262"/>
        <source>Discharge readiness</source>
        <translation>Entlassbereitschaft</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="263"/>
        <location filename="../../ui/discharge/readiness_board.py" line="298"/>
        <source>Discharge readiness board</source>
        <translation>Übersicht Entlassbereitschaft</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="266"/>
        <source>Dis&amp;charge within:</source>
        <translation>Entlass&amp;zeitraum:</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="268"/>
        <source>Discharge window</source>
        <translation>Entlasszeitraum</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="271"/>
        <source>no plan yet</source>
        <translation>noch keine Planung</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="273"/>
        <source>Patients with a discharge in this window — or those without a plan yet</source>
        <translation>Patienten mit Entlassung in diesem Zeitraum – oder die ohne Entlassplanung</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="280"/>
        <source>Filter by name, bed, destination or blocker</source>
        <translation>Nach Name, Bett, Entlassziel oder offenem Punkt filtern</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="281"/>
        <source>Filter discharge board</source>
        <translation>Entlassübersicht filtern</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="285"/>
        <source>&amp;Hide ready</source>
        <translation>&amp;Entlassbereite ausblenden</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="286"/>
        <source>Hide patients who are ready</source>
        <translation>Entlassbereite Patienten ausblenden</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="288"/>
        <source>Hide patients whose checklist is done and medications reconciled</source>
        <translation>Patienten ausblenden, deren Checkliste erledigt ist und für deren Medikamente entschieden ist</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="299"/>
        <source>Enter opens the patient on the Discharge tab</source>
        <translation>Die Eingabetaste öffnet den Patienten auf der Registerkarte „Entlassung“</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="315"/>
        <source>Board summary</source>
        <translation>Zusammenfassung der Übersicht</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="319"/>
        <source>&amp;Start plan…</source>
        <translation>Planung &amp;beginnen…</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="320"/>
        <source>Start a discharge plan</source>
        <translation>Entlassplanung beginnen</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="322"/>
        <source>Start the discharge plan of the selected patient (on the Discharge tab)</source>
        <translation>Die Entlassplanung des ausgewählten Patienten beginnen (auf der Registerkarte „Entlassung“)</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="328"/>
        <source>%1 overdue · %2 ready · ? medications to reconcile · ● not yet sent</source>
        <translation>%1 überfällig · %2 entlassbereit · ? Medikamente offen · ● noch nicht gesendet</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="333"/>
        <source>Legend</source>
        <translation>Legende</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="336"/>
        <source>Enter opens the Discharge tab</source>
        <translation>Eingabetaste öffnet die Registerkarte „Entlassung“</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="356"/>
        <source>any date</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="358"/>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge/readiness_board.py" line="359"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge/readiness_board.py" line="424"/>
        <source>%n patient(s) without a discharge plan</source>
        <translation>
            <numerusform>%n Patient ohne Entlassplanung</numerusform>
            <numerusform>%n Patienten ohne Entlassplanung</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge/readiness_board.py" line="428"/>
        <source>%n patient(s) in the window</source>
        <translation>
            <numerusform>%n Patient im Zeitraum</numerusform>
            <numerusform>%n Patienten im Zeitraum</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge/readiness_board.py" line="429"/>
        <source>%n with overdue items</source>
        <translation>
            <numerusform>%n mit überfälligen Punkten</numerusform>
            <numerusform>%n mit überfälligen Punkten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge/readiness_board.py" line="430"/>
        <source>%n ready</source>
        <translation>
            <numerusform>%n entlassbereit</numerusform>
            <numerusform>%n entlassbereit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge/readiness_board.py" line="432"/>
        <source>%n without a plan</source>
        <translation>
            <numerusform>%n ohne Entlassplanung</numerusform>
            <numerusform>%n ohne Entlassplanung</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge/readiness_board.py" line="435"/>
        <source>%n shown</source>
        <translation>
            <numerusform>%n angezeigt</numerusform>
            <numerusform>%n angezeigt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DischargeBoardModel</name>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="70"/>
        <source>Expected discharge</source>
        <translation>Voraussichtliche Entlassung</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="71"/>
        <source>Bed</source>
        <translation>Bett</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="72"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="73"/>
        <source>Destination</source>
        <translation>Entlassziel</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="74"/>
        <source>Readiness</source>
        <translation>Stand</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="75"/>
        <source>Medications</source>
        <translation>Medikamente</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="76"/>
        <source>Blockers</source>
        <translation>Offene Punkte</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="77"/>
        <source>Unsent</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="80"/>
        <source>Checklist items done, and how many are overdue</source>
        <translation>Erledigte Checklistenpunkte und wie viele überfällig sind</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="82"/>
        <source>Home medications without a discharge decision yet</source>
        <translation>Hausmedikation noch ohne Entscheidung zur Entlassung</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="84"/>
        <source>Checklist items still open; overdue ones first</source>
        <translation>Noch offene Checklistenpunkte; überfällige zuerst</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="85"/>
        <source>Changes saved here but not yet sent to the server</source>
        <translation>Hier gespeicherte, aber noch nicht an den Server gesendete Änderungen</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="131"/>
        <source>no plan yet</source>
        <translation>noch keine Planung</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="134"/>
        <source>not set</source>
        <translation>nicht festgelegt</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="149"/>
        <source>ready</source>
        <translation>entlassbereit</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge/readiness_board.py" line="154"/>
        <source>%n to reconcile</source>
        <translation>
            <numerusform>%n offen</numerusform>
            <numerusform>%n offen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="155"/>
        <source>reconciled</source>
        <translation>alle entschieden</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="168"/>
        <source>no open items</source>
        <translation>keine offenen Punkte</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="170"/>
        <source>overdue:</source>
        <translation>überfällig:</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="176"/>
        <source>overdue</source>
        <translation>überfällig</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/readiness_board.py" line="181"/>
        <source>Every checklist item is done or not needed</source>
        <translation>Jeder Checklistenpunkt ist erledigt oder entfällt</translation>
    </message>
</context>
<context>
    <name>DischargeContactModel</name>
    <message>
        <location filename="../../ui/discharge/models.py" line="235"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/models.py" line="236"/>
        <source>Relationship / role</source>
        <translation>Beziehung / Rolle</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/models.py" line="237"/>
        <source>First number</source>
        <translation>Erste Nummer</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/models.py" line="238"/>
        <source>Verified for discharge</source>
        <translation>Für Entlassung überprüft</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/models.py" line="239"/>
        <source>At home</source>
        <translation>Zu Hause</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/models.py" line="240"/>
        <source>Unsent</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/models.py" line="243"/>
        <source>The person who will be at home to help</source>
        <translation>Die Person, die zu Hause hilft</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/models.py" line="244"/>
        <source>Saved here but not yet sent to the server</source>
        <translation>Hier gespeichert, aber noch nicht an den Server gesendet</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/models.py" line="265"/>
        <source>Checked on %1</source>
        <translation>Überprüft am %1</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/models.py" line="278"/>
        <source>%1 (agency)</source>
        <translation>%1 (Einrichtung)</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/models.py" line="289"/>
        <source>not verified</source>
        <translation>nicht überprüft</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/models.py" line="293"/>
        <source>helper at home</source>
        <translation>Helfer zu Hause</translation>
    </message>
</context>
<context>
    <name>DischargeDialogs</name>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="62"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>DischargeTab</name>
    <message>
        <location filename="../../ui/discharge/tab.py" line="83"/>
        <source>Loading the discharge plan…</source>
        <translation>Entlassplanung wird geladen…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge/tab.py" line="178"/>
        <source>Discharge summary printed (%n page(s)); recorded in the audit log.</source>
        <translation>
            <numerusform>Entlassbericht gedruckt (%n Seite); im Zugriffsprotokoll vermerkt.</numerusform>
            <numerusform>Entlassbericht gedruckt (%n Seiten); im Zugriffsprotokoll vermerkt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge/tab.py" line="181"/>
        <source>Discharge summary exported (%n page(s)); recorded in the audit log.</source>
        <translation>
            <numerusform>Entlassbericht exportiert (%n Seite); im Zugriffsprotokoll vermerkt.</numerusform>
            <numerusform>Entlassbericht exportiert (%n Seiten); im Zugriffsprotokoll vermerkt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/discharge/tab.py" line="191"/>
        <source>Discharge summary</source>
        <translation>Entlassbericht</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/tab.py" line="192"/>
        <source>Nothing was printed.</source>
        <translation>Es wurde nichts gedruckt.</translation>
    </message>
</context>
<context>
    <name>ErrorReasonDialog</name>
    <message>
        <location filename="../../ui/chart/answer_dialog.py" line="255"/>
        <source>Mark as entered in error</source>
        <translation>Als Fehleintrag markieren</translation>
    </message>
    <message>
        <location filename="../../ui/chart/answer_dialog.py" line="257"/>
        <source>Why is this answer wrong? (for example: recorded for the wrong patient)</source>
        <translation>Warum ist diese Antwort falsch? (z. B. beim falschen Patienten erfasst)</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/base/error_text.py" line="27"/>
        <source>The data folder is missing or read-only, so the local cache cannot be opened.</source>
        <translation>Der Datenordner fehlt oder ist schreibgeschützt, daher kann der lokale Speicher nicht geöffnet werden.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="31"/>
        <source>Ask IT to check AskOnce&apos;s data folder and its permissions on this workstation.</source>
        <translation>Bitten Sie die IT, den Datenordner von AskOnce und seine Berechtigungen auf diesem Arbeitsplatz zu prüfen.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="35"/>
        <source>The extra CA certificates in {path} cannot be read.</source>
        <translation>Die zusätzlichen CA-Zertifikate in {path} können nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="36"/>
        <source>Ask IT to check the ca_bundle setting (a PEM file).</source>
        <translation>Bitten Sie die IT, die Einstellung ca_bundle (eine PEM-Datei) zu prüfen.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="37"/>
        <source>The proxy setting is not an http:// or https:// address.</source>
        <translation>Die Proxy-Einstellung ist keine http://- oder https://-Adresse.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="38"/>
        <source>Ask IT to check the http_proxy setting.</source>
        <translation>Bitten Sie die IT, die Einstellung http_proxy zu prüfen.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="39"/>
        <source>The identity provider&apos;s certificate is not trusted by this computer.</source>
        <translation>Diesem Computer ist das Zertifikat des Anmeldedienstes nicht vertrauenswürdig.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="42"/>
        <source>Ask IT to add the hospital&apos;s CA certificate to this computer or to the ca_bundle setting.</source>
        <translation>Bitten Sie die IT, das CA-Zertifikat des Krankenhauses auf diesem Computer oder in der Einstellung ca_bundle hinzuzufügen.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="47"/>
        <source>{path} already exists.</source>
        <translation>{path} existiert bereits.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="48"/>
        <source>Choose another file name.</source>
        <translation>Wählen Sie einen anderen Dateinamen.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="49"/>
        <source>The diagnostics file {path} cannot be written ({reason}).</source>
        <translation>Die Diagnosedatei {path} kann nicht geschrieben werden ({reason}).</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="50"/>
        <source>Choose another folder, or check that the disk is not full.</source>
        <translation>Wählen Sie einen anderen Ordner, oder prüfen Sie, ob der Datenträger voll ist.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="51"/>
        <source>Too many wrong PINs.</source>
        <translation>Zu viele falsche PINs.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="52"/>
        <source>Wait {seconds} seconds, then try again.</source>
        <translation>Warten Sie {seconds} Sekunden und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="53"/>
        <source>This patient already has a discharge plan.</source>
        <translation>Für diesen Patienten gibt es bereits einen Entlassplan.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="54"/>
        <source>That discharge plan is no longer in the cache.</source>
        <translation>Dieser Entlassplan ist nicht mehr im lokalen Speicher.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="55"/>
        <source>A discharge plan cannot move to another patient.</source>
        <translation>Ein Entlassplan kann nicht zu einem anderen Patienten wechseln.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="56"/>
        <source>Start a discharge plan first.</source>
        <translation>Legen Sie zuerst einen Entlassplan an.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="57"/>
        <source>That contact is not among this patient&apos;s contacts.</source>
        <translation>Dieser Kontakt gehört nicht zu den Kontakten dieses Patienten.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="58"/>
        <source>The helper at home must be a person, not an agency.</source>
        <translation>Die Hilfe zu Hause muss eine Person sein, kein Dienst.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="59"/>
        <source>A checklist item cannot move to another plan or item.</source>
        <translation>Ein Checklistenpunkt kann nicht in einen anderen Plan oder Punkt wechseln.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="60"/>
        <source>A checklist item needs a name.</source>
        <translation>Ein Checklistenpunkt braucht einen Namen.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="61"/>
        <source>This contact has not consented to receive information.</source>
        <translation>Diese Kontaktperson hat nicht eingewilligt, Informationen zu erhalten.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="62"/>
        <source>The follow-up channel has no number or address yet: see the Follow-up section.</source>
        <translation>Für den Nachsorge-Kanal ist noch keine Nummer oder Adresse bekannt: siehe Abschnitt Nachsorge.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="66"/>
        <source>That follow-up request is no longer in the cache.</source>
        <translation>Diese Nachsorge-Anfrage ist nicht mehr im Cache.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="67"/>
        <source>The discharge plan is not complete yet: the follow-up is requested when every item is done.</source>
        <translation>Der Entlassplan ist noch nicht vollständig: Die Nachsorge wird angefordert, wenn jeder Punkt erledigt ist.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="72"/>
        <source>That medication is no longer in the cache.</source>
        <translation>Dieses Medikament ist nicht mehr im lokalen Speicher.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="73"/>
        <source>That contact is no longer in the cache.</source>
        <translation>Dieser Kontakt ist nicht mehr im lokalen Speicher.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="74"/>
        <source>The patient already has this prescription: choose continue, change or stop.</source>
        <translation>Der Patient hat diese Verordnung bereits: wählen Sie Fortführen, Ändern oder Absetzen.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="78"/>
        <source>The cache key has the wrong length.</source>
        <translation>Der Schlüssel des lokalen Speichers hat die falsche Länge.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="79"/>
        <source>The cache key was dropped (the app is locked).</source>
        <translation>Der Schlüssel des lokalen Speichers wurde verworfen (AskOnce ist gesperrt).</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="80"/>
        <source>This workstation&apos;s keystore has no key for this user.</source>
        <translation>Der Schlüsselspeicher dieses Arbeitsplatzes hat keinen Schlüssel für diesen Benutzer.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="81"/>
        <source>Ask IT: the cache cannot be opened on this workstation any more.</source>
        <translation>Wenden Sie sich an die IT: Der lokale Speicher lässt sich an diesem Arbeitsplatz nicht mehr öffnen.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="85"/>
        <source>Too many wrong PINs: offline unlock is blocked.</source>
        <translation>Zu viele falsche PINs: Das Entsperren ohne Netz ist gesperrt.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="86"/>
        <source>Sign in online to restore access; your data and unsent changes are kept.</source>
        <translation>Melden Sie sich online an, um den Zugang wiederherzustellen; Ihre Daten und noch nicht gesendeten Änderungen bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="90"/>
        <source>The key file {file} has an unknown format.</source>
        <translation>Die Schlüsseldatei {file} hat ein unbekanntes Format.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="91"/>
        <source>The key file {file} is damaged.</source>
        <translation>Die Schlüsseldatei {file} ist beschädigt.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="92"/>
        <source>This workstation&apos;s keystore entry is damaged.</source>
        <translation>Der Eintrag im Schlüsselspeicher dieses Arbeitsplatzes ist beschädigt.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="93"/>
        <source>Wrong PIN.</source>
        <translation>Falsche PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="94"/>
        <source>Check the PIN and try again.</source>
        <translation>Prüfen Sie die PIN und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="95"/>
        <source>No cache exists for this user on this workstation.</source>
        <translation>Für diesen Benutzer gibt es an diesem Arbeitsplatz keinen lokalen Speicher.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="96"/>
        <source>No secure keystore is available (found {backend}).</source>
        <translation>Kein sicherer Schlüsselspeicher verfügbar (gefunden: {backend}).</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="97"/>
        <source>Ask IT to check that the workstation&apos;s keystore (Secret Service / Keychain / Credential Manager) is running.</source>
        <translation>Bitten Sie die IT zu prüfen, ob der Schlüsselspeicher des Arbeitsplatzes (Secret Service / Schlüsselbund / Anmeldeinformationsverwaltung) läuft.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="102"/>
        <source>The workstation&apos;s keystore is locked.</source>
        <translation>Der Schlüsselspeicher des Arbeitsplatzes ist gesperrt.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="103"/>
        <source>Unlock your desktop session&apos;s keyring, then try again.</source>
        <translation>Entsperren Sie den Schlüsselbund Ihrer Sitzung und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="104"/>
        <source>The workstation&apos;s keystore failed.</source>
        <translation>Der Schlüsselspeicher des Arbeitsplatzes hat einen Fehler gemeldet.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="105"/>
        <source>The workstation&apos;s keystore cannot be reached.</source>
        <translation>Der Schlüsselspeicher des Arbeitsplatzes ist nicht erreichbar.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="106"/>
        <source>This question is already answered; confirm or correct the answer instead.</source>
        <translation>Diese Frage ist bereits beantwortet; bestätigen oder korrigieren Sie stattdessen die Antwort.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="110"/>
        <source>Please say why the answer was entered in error.</source>
        <translation>Bitte geben Sie an, warum die Antwort irrtümlich erfasst wurde.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="111"/>
        <source>This answer was entered in error; record a new answer instead.</source>
        <translation>Diese Antwort wurde irrtümlich erfasst; erfassen Sie stattdessen eine neue Antwort.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="115"/>
        <source>This medication comes from a prescription in another system and cannot be changed here.</source>
        <translation>Dieses Medikament stammt aus einer Verordnung in einem anderen System und kann hier nicht geändert werden.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="120"/>
        <source>That patient is no longer in your list.</source>
        <translation>Dieser Patient ist nicht mehr in Ihrer Liste.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="121"/>
        <source>That answer is no longer in the cache.</source>
        <translation>Diese Antwort ist nicht mehr im lokalen Speicher.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="122"/>
        <source>Please enter an answer.</source>
        <translation>Bitte geben Sie eine Antwort ein.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="123"/>
        <source>Please pick one of the listed answers.</source>
        <translation>Bitte wählen Sie eine der aufgeführten Antworten.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="124"/>
        <source>Say why you need access (at least {count} characters).</source>
        <translation>Geben Sie an, warum Sie Zugriff brauchen (mindestens {count} Zeichen).</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="125"/>
        <source>That question is not in the catalog.</source>
        <translation>Diese Frage ist nicht im Fragenkatalog.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="126"/>
        <source>Please answer yes or no.</source>
        <translation>Bitte antworten Sie mit Ja oder Nein.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="127"/>
        <source>Please pick at least one of the listed answers.</source>
        <translation>Bitte wählen Sie mindestens eine der aufgeführten Antworten.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="128"/>
        <source>Please enter a time as HH:MM, for example 21:30.</source>
        <translation>Bitte geben Sie eine Uhrzeit als HH:MM ein, zum Beispiel 21:30.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="129"/>
        <source>A cache for this user already exists on this workstation.</source>
        <translation>Für diesen Benutzer gibt es an diesem Arbeitsplatz bereits einen lokalen Speicher.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="130"/>
        <source>The PIN must have at least {count} characters.</source>
        <translation>Die PIN muss mindestens {count} Zeichen haben.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="131"/>
        <source>The PIN is too easy to guess (repeated or consecutive digits).</source>
        <translation>Die PIN ist zu leicht zu erraten (wiederholte oder aufeinanderfolgende Ziffern).</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="135"/>
        <source>1 more wrong try will block offline unlock.</source>
        <translation>Noch 1 Fehlversuch, dann ist das Entsperren ohne Netz gesperrt.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="136"/>
        <source>{left} more wrong tries will block offline unlock.</source>
        <translation>Noch {left} Fehlversuche, dann ist das Entsperren ohne Netz gesperrt.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="137"/>
        <source>Cannot read {file} ({kind}).</source>
        <translation>{file} kann nicht gelesen werden ({kind}).</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="138"/>
        <source>Too many wrong PINs: offline unlock is now blocked.</source>
        <translation>Zu viele falsche PINs: Das Entsperren ohne Netz ist jetzt gesperrt.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="139"/>
        <source>The local cache reported an error ({kind}).</source>
        <translation>Der lokale Speicher hat einen Fehler gemeldet ({kind}).</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="140"/>
        <source>The disk is full: your last change was not saved.</source>
        <translation>Der Datenträger ist voll: Ihre letzte Änderung wurde nicht gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="141"/>
        <source>Ask IT to free space on this workstation; then save again.</source>
        <translation>Bitten Sie die IT, an diesem Arbeitsplatz Speicherplatz freizugeben; speichern Sie dann erneut.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="142"/>
        <source>The local cache is in use by another AskOnce window.</source>
        <translation>Der lokale Speicher wird von einem anderen AskOnce-Fenster benutzt.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="143"/>
        <source>Close the other AskOnce window and try again.</source>
        <translation>Schließen Sie das andere AskOnce-Fenster und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="144"/>
        <source>The local cache is damaged.</source>
        <translation>Der lokale Speicher ist beschädigt.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="145"/>
        <source>Ask IT for help; do not delete it yourself.</source>
        <translation>Wenden Sie sich an die IT; löschen Sie ihn nicht selbst.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="146"/>
        <source>The local cache could not be written (disk or permission problem).</source>
        <translation>Der lokale Speicher konnte nicht geschrieben werden (Datenträger- oder Berechtigungsproblem).</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="150"/>
        <source>Ask IT to check the workstation&apos;s disk.</source>
        <translation>Bitten Sie die IT, den Datenträger des Arbeitsplatzes zu prüfen.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="151"/>
        <source>No local cache at {file}.</source>
        <translation>Kein lokaler Speicher unter {file}.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="152"/>
        <source>This cache was written by a newer AskOnce.</source>
        <translation>Dieser lokale Speicher wurde von einer neueren AskOnce-Version geschrieben.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="153"/>
        <source>Update AskOnce.</source>
        <translation>Aktualisieren Sie AskOnce.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="154"/>
        <source>Nested transactions are not supported.</source>
        <translation>Verschachtelte Transaktionen werden nicht unterstützt.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="155"/>
        <source>The local cache cannot be opened with this key.</source>
        <translation>Der lokale Speicher lässt sich mit diesem Schlüssel nicht öffnen.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="156"/>
        <source>Sign in online to restore access; the cache is kept.</source>
        <translation>Melden Sie sich online an, um den Zugang wiederherzustellen; der lokale Speicher bleibt erhalten.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="157"/>
        <source>The identity provider sent an unreadable answer ({what}).</source>
        <translation>Der Anmeldedienst hat eine unlesbare Antwort gesendet ({what}).</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="158"/>
        <source>The identity provider refused the sign-in ({code}).</source>
        <translation>Der Anmeldedienst hat die Anmeldung abgelehnt ({code}).</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="159"/>
        <source>The sign-in answer came from another identity provider.</source>
        <translation>Die Antwort auf die Anmeldung kam von einem anderen Anmeldedienst.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="160"/>
        <source>The identity provider sent no ID token.</source>
        <translation>Der Anmeldedienst hat kein ID-Token gesendet.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="161"/>
        <source>The refreshed sign-in belongs to someone else.</source>
        <translation>Die erneuerte Anmeldung gehört zu einer anderen Person.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="162"/>
        <source>The identity provider answered {status} ({what}).</source>
        <translation>Der Anmeldedienst hat mit {status} geantwortet ({what}).</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="163"/>
        <source>The identity provider refused the token request ({code}).</source>
        <translation>Der Anmeldedienst hat die Token-Anfrage abgelehnt ({code}).</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="164"/>
        <source>The identity provider sent no usable access token.</source>
        <translation>Der Anmeldedienst hat kein verwendbares Zugriffstoken gesendet.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="165"/>
        <source>The identity token was issued for another application.</source>
        <translation>Das Identitätstoken wurde für eine andere Anwendung ausgestellt.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="166"/>
        <source>Your account has no {claim} entry.</source>
        <translation>Ihr Konto hat keinen Eintrag {claim}.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="167"/>
        <source>Ask IT to link your account to your staff record.</source>
        <translation>Bitten Sie die IT, Ihr Konto mit Ihrem Personaleintrag zu verknüpfen.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="168"/>
        <source>The identity provider names a different issuer than configured.</source>
        <translation>Der Anmeldedienst nennt einen anderen Aussteller als eingestellt.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="172"/>
        <source>Ask IT to check the oidc_issuer setting.</source>
        <translation>Bitten Sie die IT, die Einstellung oidc_issuer zu prüfen.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="173"/>
        <source>Sign-in was cancelled at the identity provider.</source>
        <translation>Die Anmeldung wurde beim Anmeldedienst abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="174"/>
        <source>The sign-in answer did not match this sign-in (state).</source>
        <translation>Die Antwort passt nicht zu dieser Anmeldung (state).</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="175"/>
        <source>Start the sign-in again.</source>
        <translation>Starten Sie die Anmeldung erneut.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="176"/>
        <source>The identity provider cannot be reached.</source>
        <translation>Der Anmeldedienst ist nicht erreichbar.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="177"/>
        <source>Check the network and try again.</source>
        <translation>Prüfen Sie das Netzwerk und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="178"/>
        <source>Check the network; you can still work offline.</source>
        <translation>Prüfen Sie das Netzwerk; Sie können ohne Netz weiterarbeiten.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="179"/>
        <source>Your sign-in has expired or was ended.</source>
        <translation>Ihre Anmeldung ist abgelaufen oder wurde beendet.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="180"/>
        <source>Sign in online again.</source>
        <translation>Melden Sie sich erneut online an.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="181"/>
        <source>The identity token failed a check ({kind}).</source>
        <translation>Das Identitätstoken hat eine Prüfung nicht bestanden ({kind}).</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="182"/>
        <source>The server could not be searched for that patient.</source>
        <translation>Der Server konnte nicht nach diesem Patienten durchsucht werden.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="183"/>
        <source>Check the network and try again; if it keeps failing, tell IT.</source>
        <translation>Prüfen Sie das Netzwerk und versuchen Sie es erneut; wenn es weiter fehlschlägt, informieren Sie die IT.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="186"/>
        <source>More than one patient on the server has that MRN; no access was given.</source>
        <translation>Mehr als ein Patient auf dem Server hat diese PID; es wurde kein Zugriff gewährt.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="189"/>
        <source>Ask IT to check the patient records.</source>
        <translation>Bitten Sie die IT, die Patientendaten zu prüfen.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="190"/>
        <source>This computer&apos;s clock is {minutes} minutes ahead of the sign-in server&apos;s.</source>
        <translation>Die Uhr dieses Computers geht {minutes} Minuten vor gegenüber dem Anmeldeserver.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="193"/>
        <source>This computer&apos;s clock is {minutes} minutes behind the sign-in server&apos;s.</source>
        <translation>Die Uhr dieses Computers geht {minutes} Minuten nach gegenüber dem Anmeldeserver.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="196"/>
        <source>Ask IT to set this computer&apos;s date and time; then sign in again.</source>
        <translation>Bitten Sie die IT, Datum und Uhrzeit dieses Computers einzustellen; melden Sie sich dann erneut an.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="199"/>
        <source>Start the sign-in again; if it keeps failing, tell IT.</source>
        <translation>Starten Sie die Anmeldung erneut; wenn es weiter fehlschlägt, informieren Sie die IT.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="200"/>
        <source>Sign-in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="201"/>
        <source>Sign-in took too long.</source>
        <translation>Die Anmeldung hat zu lange gedauert.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="202"/>
        <source>The identity provider does not offer {what}.</source>
        <translation>Der Anmeldedienst bietet {what} nicht an.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="203"/>
        <source>The identity provider&apos;s keys are unreadable.</source>
        <translation>Die Schlüssel des Anmeldedienstes sind unlesbar.</translation>
    </message>
    <message>
        <location filename="../../ui/base/error_text.py" line="204"/>
        <source>The patient&apos;s reported answer was not recorded: the chart now holds another answer, or the report is no longer waiting.</source>
        <translation>Die angegebene Antwort des Patienten wurde nicht übernommen: In der Akte steht inzwischen eine andere Antwort, oder die Angabe wartet nicht mehr.</translation>
    </message>
</context>
<context>
    <name>ExportAnswers</name>
    <message>
        <location filename="../../ui/chart/export_answers.py" line="34"/>
        <location filename="../../ui/chart/export_answers.py" line="86"/>
        <source>Export answers (FHIR)</source>
        <translation>Antworten exportieren (FHIR)</translation>
    </message>
    <message>
        <location filename="../../ui/chart/export_answers.py" line="35"/>
        <source>FHIR JSON files (*.json)</source>
        <translation>FHIR-JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/chart/export_answers.py" line="65"/>
        <source>Answers exported to %1</source>
        <translation>Antworten exportiert nach %1</translation>
    </message>
    <message>
        <location filename="../../ui/chart/export_answers.py" line="75"/>
        <source>export of the patient&apos;s answers</source>
        <translation>Export der Antworten des Patienten</translation>
    </message>
    <message>
        <location filename="../../ui/chart/export_answers.py" line="87"/>
        <source>The file could not be written. Choose another folder, or check the disk.</source>
        <translation>Die Datei konnte nicht geschrieben werden. Wählen Sie einen anderen Ordner oder prüfen Sie den Datenträger.</translation>
    </message>
    <message>
        <location filename="../../ui/chart/export_answers.py" line="99"/>
        <source>%n answer(s) left out: due for re-confirmation with the patient.</source>
        <translation>%n Antwort(en) nicht exportiert: mit dem Patienten erneut zu bestätigen.</translation>
    </message>
    <message>
        <location filename="../../ui/chart/export_answers.py" line="130"/>
        <source>Your sign-in lacks the permission %1 — tell IT.</source>
        <translation>Ihrer Anmeldung fehlt die Berechtigung %1 – bitte der IT melden.</translation>
    </message>
    <message>
        <location filename="../../ui/chart/export_answers.py" line="133"/>
        <source>Your sign-in lacks a permission the server requires — tell IT.</source>
        <translation>Ihrer Anmeldung fehlt eine Berechtigung, die der Server verlangt – bitte der IT melden.</translation>
    </message>
    <message>
        <location filename="../../ui/chart/export_answers.py" line="138"/>
        <source>The server could not be reached. Check the network and try again.</source>
        <translation>Der Server ist nicht erreichbar. Prüfen Sie das Netzwerk und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../../ui/chart/export_answers.py" line="141"/>
        <source>The server is busy. Try again in a few minutes.</source>
        <translation>Der Server ist ausgelastet. Versuchen Sie es in einigen Minuten erneut.</translation>
    </message>
    <message>
        <location filename="../../ui/chart/export_answers.py" line="144"/>
        <source>The server&apos;s certificate is not trusted — tell IT.</source>
        <translation>Dem Zertifikat des Servers wird nicht vertraut – bitte der IT melden.</translation>
    </message>
    <message>
        <location filename="../../ui/chart/export_answers.py" line="147"/>
        <source>The server refused your sign-in — sign in again.</source>
        <translation>Der Server hat Ihre Anmeldung abgelehnt – melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location filename="../../ui/chart/export_answers.py" line="154"/>
        <source>The server refused the answers; nothing was sent. Tell IT if it persists.</source>
        <translation>Der Server hat die Antworten abgelehnt; nichts wurde gesendet. Melden Sie es der IT, wenn es so bleibt.</translation>
    </message>
    <message>
        <location filename="../../ui/chart/export_answers.py" line="158"/>
        <source>The answers could not be sent; nothing was sent. Tell IT if it persists.</source>
        <translation>Die Antworten konnten nicht gesendet werden; nichts wurde gesendet. Melden Sie es der IT, wenn es so bleibt.</translation>
    </message>
    <message>
        <location filename="../../ui/chart/export_answers.py" line="175"/>
        <source>Answers sent to the server as a FHIR response.</source>
        <translation>Antworten als FHIR-Antwortbogen an den Server gesendet.</translation>
    </message>
    <message>
        <location filename="../../ui/chart/export_answers.py" line="182"/>
        <source>Send answers to the server (FHIR)</source>
        <translation>Antworten an den Server senden (FHIR)</translation>
    </message>
    <message>
        <location filename="../../ui/chart/export_answers.py" line="188"/>
        <source>sending the patient&apos;s answers to the server</source>
        <translation>Senden der Antworten des Patienten an den Server</translation>
    </message>
</context>
<context>
    <name>FirstRunWindow</name>
    <message>
        <location filename="../../ui/workstation/first_run.py" line="18"/>
        <source>AskOnce — set-up needed</source>
        <translation>AskOnce — Einrichtung erforderlich</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/first_run.py" line="29"/>
        <source>AskOnce is not set up on this workstation yet</source>
        <translation>AskOnce ist auf diesem Arbeitsplatz noch nicht eingerichtet</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/first_run.py" line="39"/>
        <source>To sign in, AskOnce needs settings from your IT department. Missing:</source>
        <translation>Für die Anmeldung benötigt AskOnce Einstellungen von Ihrer IT-Abteilung. Es fehlen:</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/first_run.py" line="44"/>
        <source>The server and identity provider are configured, but this version of AskOnce cannot sign in yet.</source>
        <translation>Server und Identitätsanbieter sind konfiguriert, aber diese Version von AskOnce kann sich noch nicht anmelden.</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/first_run.py" line="49"/>
        <source>IT puts these in the machine-wide policy file:</source>
        <translation>Die IT hinterlegt diese in der rechnerweiten Richtliniendatei:</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/first_run.py" line="59"/>
        <source>Meanwhile you can try AskOnce with synthetic patients. Nothing is sent anywhere.</source>
        <translation>Bis dahin können Sie AskOnce mit fiktiven Patienten ausprobieren. Es werden keine Daten gesendet.</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/first_run.py" line="66"/>
        <source>&amp;Try the demo</source>
        <translation>&amp;Demo ausprobieren</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/first_run.py" line="67"/>
        <source>Try the demo</source>
        <translation>Demo ausprobieren</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/first_run.py" line="70"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/first_run.py" line="71"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>FollowUpSection</name>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="53"/>
        <source>Follow-up</source>
        <translation>Nachsorge</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="59"/>
        <source>Preferred follow-up channel and times</source>
        <translation>Bevorzugter Kontaktweg und Zeiten für die Nachsorge</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="62"/>
        <source>Ask on the Ask-once tab…</source>
        <translation>Unter „Einmal fragen“ erfragen…</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="63"/>
        <source>Ask the follow-up question on the Ask-once tab</source>
        <translation>Die Frage zur Nachsorge auf der Registerkarte „Einmal fragen“ stellen</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="64"/>
        <source>The answer is recorded once, on the Ask-once tab, and shows here</source>
        <translation>Die Antwort wird einmal auf der Registerkarte „Einmal fragen“ erfasst und hier angezeigt</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="73"/>
        <source>Whom the follow-up reaches, and how</source>
        <translation>Wen die Nachsorge erreicht, und wie</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="79"/>
        <source>Follow-up request</source>
        <translation>Nachsorge-Auftrag</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="82"/>
        <source>Request follow-up</source>
        <translation>Nachsorge beauftragen</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="83"/>
        <source>Send the follow-up request to the messaging system</source>
        <translation>Nachsorge-Auftrag an das Benachrichtigungssystem senden</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="85"/>
        <source>Hand the follow-up to the hospital&apos;s messaging or call system now, on the patient&apos;s channel and at their preferred time</source>
        <translation>Die Nachsorge jetzt an das Benachrichtigungs- oder Anrufsystem des Krankenhauses übergeben, auf dem Kontaktweg des Patienten und zu seiner bevorzugten Zeit</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="93"/>
        <source>Cancel follow-up request</source>
        <translation>Nachsorge-Auftrag zurückziehen</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="94"/>
        <source>Cancel the follow-up request</source>
        <translation>Den Nachsorge-Auftrag zurückziehen</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="95"/>
        <source>Withdraw the request from the hospital&apos;s messaging or call system</source>
        <translation>Den Auftrag aus dem Benachrichtigungs- oder Anrufsystem des Krankenhauses zurückziehen</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="101"/>
        <source>Appointments</source>
        <translation>Termine</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="106"/>
        <source>Follow-up appointments</source>
        <translation>Nachsorgetermine</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="111"/>
        <source>No follow-up appointments yet.</source>
        <translation>Noch keine Nachsorgetermine.</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="117"/>
        <source>Add appointment…</source>
        <translation>Termin hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="118"/>
        <source>Add follow-up appointment</source>
        <translation>Nachsorgetermin hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="119"/>
        <source>GP, clinic or home-care first visit after discharge</source>
        <translation>Hausarzt, Ambulanz oder erster Besuch des Pflegedienstes nach der Entlassung</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="123"/>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="124"/>
        <source>Edit selected appointment</source>
        <translation>Ausgewählten Termin bearbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="125"/>
        <source>Edit the selected appointment (Enter in the list)</source>
        <translation>Ausgewählten Termin bearbeiten (Eingabetaste in der Liste)</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="129"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="130"/>
        <source>Remove selected appointment</source>
        <translation>Ausgewählten Termin entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="131"/>
        <source>Remove the selected appointment (Delete in the list)</source>
        <translation>Ausgewählten Termin entfernen (Entf in der Liste)</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="164"/>
        <source>Preferred channel: &lt;b&gt;%1&lt;/b&gt; · best times: &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>Bevorzugter Kontaktweg: &lt;b&gt;%1&lt;/b&gt; · beste Zeiten: &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="166"/>
        <source>no preference</source>
        <translation>keine Präferenz</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="171"/>
        <source>Answered by %1, %2 (from the Ask-once tab)</source>
        <translation>Beantwortet von %1, %2 (Registerkarte „Einmal fragen“)</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="181"/>
        <source>The preferred follow-up channel is &lt;b&gt;due for re-confirmation&lt;/b&gt; (last answer: %1).</source>
        <translation>Der bevorzugte Kontaktweg für die Nachsorge ist &lt;b&gt;erneut zu bestätigen&lt;/b&gt; (letzte Antwort: %1).</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="186"/>
        <source>The patient has &lt;b&gt;not yet been asked&lt;/b&gt; how they want to be contacted after discharge.</source>
        <translation>Der Patient wurde &lt;b&gt;noch nicht gefragt&lt;/b&gt;, wie er nach der Entlassung kontaktiert werden möchte.</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="208"/>
        <source>Follow-up reaches the patient by &lt;b&gt;%1&lt;/b&gt; at &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation>Die Nachsorge erreicht den Patienten per &lt;b&gt;%1&lt;/b&gt; unter &lt;b&gt;%2&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="213"/>
        <source>Follow-up reaches &lt;b&gt;%1&lt;/b&gt; (helper at home) by &lt;b&gt;%2&lt;/b&gt; at &lt;b&gt;%3&lt;/b&gt;.</source>
        <translation>Die Nachsorge erreicht &lt;b&gt;%1&lt;/b&gt; (Helfer zu Hause) per &lt;b&gt;%2&lt;/b&gt; unter &lt;b&gt;%3&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="220"/>
        <source>%1 has not consented to receive information, so the follow-up cannot go through them: choose another helper at home, or ask the patient for another channel.</source>
        <translation>%1 hat nicht eingewilligt, Informationen zu erhalten, daher kann die Nachsorge nicht über diese Person laufen: Wählen Sie einen anderen Helfer zu Hause oder fragen Sie den Patienten nach einem anderen Kontaktweg.</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="226"/>
        <source>The follow-up goes through a relative or carer, but no helper at home is chosen yet (Home care, above).</source>
        <translation>Die Nachsorge soll über Angehörige oder Betreuende laufen, aber es ist noch kein Helfer zu Hause gewählt (Häusliche Versorgung, oben).</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="231"/>
        <source>The hospital&apos;s messaging system cannot use this channel: arrange the follow-up by hand.</source>
        <translation>Das Benachrichtigungssystem des Krankenhauses kann diesen Kontaktweg nicht nutzen: Vereinbaren Sie die Nachsorge selbst.</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="236"/>
        <source>No e-mail address is known for %1: add one on the Home &amp; helpers tab.</source>
        <translation>Für %1 ist keine E-Mail-Adresse bekannt: Tragen Sie eine auf der Registerkarte „Zuhause &amp; Helfer“ ein.</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="238"/>
        <source>No phone number is known for %1: add one on the Home &amp; helpers tab.</source>
        <translation>Für %1 ist keine Telefonnummer bekannt: Tragen Sie eine auf der Registerkarte „Zuhause &amp; Helfer“ ein.</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="243"/>
        <source>No e-mail address is known for the patient: ask for one, or ask for another channel.</source>
        <translation>Für den Patienten ist keine E-Mail-Adresse bekannt: Fragen Sie danach oder nach einem anderen Kontaktweg.</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="248"/>
        <source>No phone number is known for the patient: ask for one, or ask for another channel.</source>
        <translation>Für den Patienten ist keine Telefonnummer bekannt: Fragen Sie danach oder nach einem anderen Kontaktweg.</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="261"/>
        <source>No follow-up request yet: it goes to the messaging system when the plan is complete.</source>
        <translation>Noch kein Nachsorge-Auftrag: Er geht an das Benachrichtigungssystem, sobald der Plan vollständig ist.</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="265"/>
        <source>No follow-up request has gone to the messaging system.</source>
        <translation>Es ist kein Nachsorge-Auftrag an das Benachrichtigungssystem gegangen.</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="274"/>
        <source>This request no longer matches whom the follow-up should reach (above): cancel it, and request it again if needed.</source>
        <translation>Diese Anfrage passt nicht mehr dazu, wen die Nachsorge erreichen soll (oben): Stornieren Sie sie und fordern Sie sie bei Bedarf neu an.</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="284"/>
        <source>the patient</source>
        <translation>den Patienten</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="287"/>
        <source>Follow-up request &lt;b&gt;%1&lt;/b&gt;: %2 to %3 at %4, %5.</source>
        <translation>Nachsorge-Auftrag &lt;b&gt;%1&lt;/b&gt;: %2 an %3 unter %4, %5.</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="292"/>
        <source>any time</source>
        <translation>jederzeit</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="295"/>
        <source>From %1.</source>
        <translation>Ab %1.</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="297"/>
        <source>(not yet sent to the server)</source>
        <translation>(noch nicht an den Server gesendet)</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="303"/>
        <source>drafted</source>
        <translation>im Entwurf</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="304"/>
        <source>requested</source>
        <translation>beauftragt</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="305"/>
        <source>on hold until the plan is complete again</source>
        <translation>pausiert, bis der Plan wieder vollständig ist</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="306"/>
        <source>cancelled</source>
        <translation>zurückgezogen</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="307"/>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="308"/>
        <source>entered in error</source>
        <translation>irrtümlich erfasst</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/follow_up.py" line="309"/>
        <source>status unknown</source>
        <translation>Status unbekannt</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../ui/handover/dialog.py" line="34"/>
        <location filename="../../ui/handover/dialog.py" line="47"/>
        <source>Shift handover sheet</source>
        <translation>Übergabebogen</translation>
    </message>
    <message>
        <location filename="../../ui/handover/dialog.py" line="42"/>
        <source>Reading the handover sheet…</source>
        <translation>Der Übergabebogen wird gelesen…</translation>
    </message>
    <message>
        <location filename="../../ui/handover/dialog.py" line="44"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/handover/dialog.py" line="49"/>
        <source>Preview of the handover sheet</source>
        <translation>Vorschau des Übergabebogens</translation>
    </message>
    <message>
        <location filename="../../ui/handover/dialog.py" line="61"/>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../../ui/handover/dialog.py" line="62"/>
        <source>Zoom out of the preview</source>
        <translation>Vorschau verkleinern</translation>
    </message>
    <message>
        <location filename="../../ui/handover/dialog.py" line="65"/>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location filename="../../ui/handover/dialog.py" line="66"/>
        <source>Zoom into the preview</source>
        <translation>Vorschau vergrößern</translation>
    </message>
    <message>
        <location filename="../../ui/handover/dialog.py" line="72"/>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <location filename="../../ui/handover/dialog.py" line="73"/>
        <source>Print the handover sheet</source>
        <translation>Übergabebogen drucken</translation>
    </message>
    <message>
        <location filename="../../ui/handover/dialog.py" line="76"/>
        <source>Save as P&amp;DF…</source>
        <translation>Als &amp;PDF speichern…</translation>
    </message>
    <message>
        <location filename="../../ui/handover/dialog.py" line="77"/>
        <source>Save the handover sheet as PDF</source>
        <translation>Übergabebogen als PDF speichern</translation>
    </message>
    <message>
        <location filename="../../ui/handover/dialog.py" line="79"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../ui/handover/dialog.py" line="80"/>
        <source>Close the handover sheet</source>
        <translation>Übergabebogen schließen</translation>
    </message>
    <message>
        <location filename="../../ui/handover/dialog.py" line="106"/>
        <source>Patients on the sheet: %1 · pages: %2. Print it, or save it as PDF.</source>
        <translation>Patienten auf dem Bogen: %1 · Seiten: %2. Drucken Sie ihn oder speichern Sie ihn als PDF.</translation>
    </message>
    <message>
        <location filename="../../ui/handover/dialog.py" line="111"/>
        <source>There are no patients to hand over.</source>
        <translation>Es gibt keine Patienten zu übergeben.</translation>
    </message>
    <message>
        <location filename="../../ui/handover/dialog.py" line="134"/>
        <source>Sent to the printer (pages: %1).</source>
        <translation>An den Drucker gesendet (Seiten: %1).</translation>
    </message>
    <message>
        <location filename="../../ui/handover/dialog.py" line="136"/>
        <source>Saved as PDF (pages: %1).</source>
        <translation>Als PDF gespeichert (Seiten: %1).</translation>
    </message>
</context>
<context>
    <name>HandoverOutput</name>
    <message>
        <location filename="../../ui/handover/output.py" line="41"/>
        <source>Print handover sheet</source>
        <translation>Übergabebogen drucken</translation>
    </message>
    <message>
        <location filename="../../ui/handover/output.py" line="115"/>
        <source>Print the handover sheet</source>
        <translation>Übergabebogen drucken</translation>
    </message>
    <message>
        <location filename="../../ui/handover/output.py" line="130"/>
        <source>Save the handover sheet as PDF</source>
        <translation>Übergabebogen als PDF speichern</translation>
    </message>
    <message>
        <location filename="../../ui/handover/output.py" line="137"/>
        <source>Save handover sheet as PDF</source>
        <translation>Übergabebogen als PDF speichern</translation>
    </message>
    <message>
        <location filename="../../ui/handover/output.py" line="138"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/handover/output.py" line="158"/>
        <source>There are no patients to hand over.</source>
        <translation>Es gibt keine Patienten zu übergeben.</translation>
    </message>
    <message>
        <location filename="../../ui/handover/output.py" line="190"/>
        <source>The printer could not be opened.</source>
        <translation>Der Drucker konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <location filename="../../ui/handover/output.py" line="204"/>
        <source>The PDF could not be written there. Choose another folder.</source>
        <translation>Die PDF-Datei konnte dort nicht gespeichert werden. Wählen Sie einen anderen Ordner.</translation>
    </message>
</context>
<context>
    <name>HandoverWriter</name>
    <message>
        <location filename="../../ui/handover/document.py" line="78"/>
        <source>Shift handover</source>
        <translation>Schichtübergabe</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="81"/>
        <source>no ward recorded</source>
        <translation>keine Station erfasst</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="86"/>
        <source>DEMO — synthetic patients</source>
        <translation>DEMO — fiktive Patienten</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="87"/>
        <source>As of %1</source>
        <translation>Stand: %1</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="91"/>
        <source>Confidential — patient data · printed by %1 · AskOnce</source>
        <translation>Vertraulich — Patientendaten · gedruckt von %1 · AskOnce</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="96"/>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="103"/>
        <source>whole ward, patients: %1</source>
        <translation>ganze Station, Patienten: %1</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="105"/>
        <source>selected patients: %1</source>
        <translation>ausgewählte Patienten: %1</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="108"/>
        <source>Open questions: never asked, or due for re-confirmation. ⚠ marks what is overdue or high risk.</source>
        <translation>Offene Fragen: noch nie gestellt oder erneut zu bestätigen. ⚠ kennzeichnet Überfälliges und hohes Risiko.</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="117"/>
        <source>DEMO — synthetic patients, not real people</source>
        <translation>DEMO — fiktive Patienten, keine echten Personen</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="120"/>
        <source>No patients to hand over.</source>
        <translation>Keine Patienten zu übergeben.</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="139"/>
        <source>What matters most</source>
        <translation>Was am wichtigsten ist</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="141"/>
        <source>Allergies</source>
        <translation>Allergien</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="143"/>
        <source>Helper at home</source>
        <translation>Helfer zu Hause</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="145"/>
        <source>Communication</source>
        <translation>Kommunikation</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="146"/>
        <source>Discharge</source>
        <translation>Entlassung</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="147"/>
        <source>Questions</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="157"/>
        <source>Bed %1</source>
        <translation>Bett %1</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="162"/>
        <source>born %1, %2 years</source>
        <translation>geb. %1, %2 Jahre</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="174"/>
        <source>not known</source>
        <translation>nicht bekannt</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="178"/>
        <source>none recorded</source>
        <translation>keine erfasst</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="181"/>
        <source>allergy</source>
        <translation>Allergie</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="181"/>
        <source>intolerance</source>
        <translation>Unverträglichkeit</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="185"/>
        <source>high risk</source>
        <translation>hohes Risiko</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="192"/>
        <source>nothing known</source>
        <translation>nichts bekannt</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="197"/>
        <source>all answered</source>
        <translation>alle beantwortet</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="198"/>
        <source>%1 open</source>
        <translation>%1 offen</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="200"/>
        <source>due for re-confirmation: %1</source>
        <translation>erneut zu bestätigen: %1</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="206"/>
        <source>nobody recorded</source>
        <translation>niemand erfasst</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="217"/>
        <source>no discharge plan yet</source>
        <translation>noch keine Entlassplanung</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="219"/>
        <source>expected %1 (hospital system)</source>
        <translation>voraussichtlich %1 (laut Kliniksystem)</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="227"/>
        <source>expected %1</source>
        <translation>voraussichtlich %1</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="229"/>
        <source>date not decided</source>
        <translation>Datum noch nicht festgelegt</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="235"/>
        <source>checklist %1 of %2 done</source>
        <translation>Checkliste %1 von %2 erledigt</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="241"/>
        <source>no checklist yet</source>
        <translation>noch keine Checkliste</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="246"/>
        <source>medications not yet reconciled: %1</source>
        <translation>Medikamente noch ohne Entscheidung: %1</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="249"/>
        <source>Overdue: %1</source>
        <translation>Überfällig: %1</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="254"/>
        <source>the expected date has passed</source>
        <translation>das voraussichtliche Datum ist überschritten</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../ui/chart/history_tab.py" line="110"/>
        <location filename="../../ui/chart/history_tab.py" line="111"/>
        <source>Filter history</source>
        <translation>Verlauf filtern</translation>
    </message>
    <message>
        <location filename="../../ui/chart/history_tab.py" line="112"/>
        <source>Show only lines containing this text</source>
        <translation>Nur Zeilen anzeigen, die diesen Text enthalten</translation>
    </message>
    <message>
        <location filename="../../ui/chart/history_tab.py" line="117"/>
        <source>Change history</source>
        <translation>Änderungsverlauf</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <location filename="../../ui/chart/history_tab.py" line="52"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../../ui/chart/history_tab.py" line="53"/>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location filename="../../ui/chart/history_tab.py" line="54"/>
        <source>Area</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <location filename="../../ui/chart/history_tab.py" line="55"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location filename="../../ui/chart/history_tab.py" line="56"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location filename="../../ui/chart/history_tab.py" line="57"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../../ui/chart/history_tab.py" line="82"/>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location filename="../../ui/chart/history_tab.py" line="83"/>
        <source>Medication</source>
        <translation>Medikament</translation>
    </message>
    <message>
        <location filename="../../ui/chart/history_tab.py" line="84"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location filename="../../ui/chart/history_tab.py" line="85"/>
        <source>Discharge</source>
        <translation>Entlassung</translation>
    </message>
    <message>
        <location filename="../../ui/chart/history_tab.py" line="37"/>
        <source>confirmed</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <location filename="../../ui/chart/history_tab.py" line="38"/>
        <source>entered in error</source>
        <translation>als Fehleintrag markiert</translation>
    </message>
    <message>
        <location filename="../../ui/chart/history_tab.py" line="39"/>
        <source>stopped</source>
        <translation>abgesetzt</translation>
    </message>
    <message>
        <location filename="../../ui/chart/history_tab.py" line="40"/>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
</context>
<context>
    <name>HospitalRecord</name>
    <message>
        <location filename="../../ui/chart/question_board.py" line="76"/>
        <source>hospital allergy list</source>
        <translation>Allergieliste des Krankenhauses</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="77"/>
        <source>hospital record</source>
        <translation>Krankenhausakte</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="774"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="775"/>
        <source>Mobile (SMS)</source>
        <translation>Mobil (SMS)</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="776"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="777"/>
        <source>Fax</source>
        <translation>Fax</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="778"/>
        <source>Pager</source>
        <translation>Pager</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="779"/>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="781"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
</context>
<context>
    <name>InterviewDialog</name>
    <message>
        <location filename="../../ui/interview/dialog.py" line="104"/>
        <source>Ask the open questions — %1</source>
        <translation>Offene Fragen stellen — %1</translation>
    </message>
    <message>
        <location filename="../../ui/interview/dialog.py" line="129"/>
        <location filename="../../ui/interview/dialog.py" line="142"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location filename="../../ui/interview/dialog.py" line="133"/>
        <source>Bed %1</source>
        <translation>Bett %1</translation>
    </message>
    <message>
        <location filename="../../ui/interview/dialog.py" line="159"/>
        <source>Interview summary</source>
        <translation>Zusammenfassung der Befragung</translation>
    </message>
    <message>
        <location filename="../../ui/interview/dialog.py" line="164"/>
        <source>Answers given by family (Alt+F)</source>
        <translation>Antworten von Angehörigen (Alt+F)</translation>
    </message>
    <message>
        <location filename="../../ui/interview/dialog.py" line="165"/>
        <source>Answers given by family</source>
        <translation>Antworten von Angehörigen</translation>
    </message>
    <message>
        <location filename="../../ui/interview/dialog.py" line="167"/>
        <source>Off: the patient answers. On: a family member answers for the patient.</source>
        <translation>Aus: Die Patientin oder der Patient antwortet. Ein: Eine angehörige Person antwortet für sie oder ihn.</translation>
    </message>
    <message>
        <location filename="../../ui/interview/dialog.py" line="177"/>
        <source>◀  Back   Alt+←</source>
        <translation>◀  Zurück   Alt+←</translation>
    </message>
    <message>
        <location filename="../../ui/interview/dialog.py" line="177"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location filename="../../ui/interview/dialog.py" line="178"/>
        <source>Skip   Alt+→  ▶</source>
        <translation>Überspringen   Alt+→  ▶</translation>
    </message>
    <message>
        <location filename="../../ui/interview/dialog.py" line="178"/>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <location filename="../../ui/interview/dialog.py" line="180"/>
        <location filename="../../ui/interview/dialog.py" line="255"/>
        <source>Still true   S</source>
        <translation>Stimmt noch   S</translation>
    </message>
    <message>
        <location filename="../../ui/interview/dialog.py" line="180"/>
        <location filename="../../ui/interview/dialog.py" line="284"/>
        <source>Still true</source>
        <translation>Stimmt noch</translation>
    </message>
    <message>
        <location filename="../../ui/interview/dialog.py" line="182"/>
        <source>Close   Esc</source>
        <translation>Schließen   Esc</translation>
    </message>
    <message>
        <location filename="../../ui/interview/dialog.py" line="182"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../ui/interview/dialog.py" line="217"/>
        <source>Recorded as given by: %1</source>
        <translation>Erfasst als Angabe von: %1</translation>
    </message>
    <message>
        <location filename="../../ui/interview/dialog.py" line="233"/>
        <source>%1 of %2 · %3</source>
        <translation>%1 von %2 · %3</translation>
    </message>
    <message>
        <location filename="../../ui/interview/dialog.py" line="255"/>
        <source>Still true   Enter</source>
        <translation>Stimmt noch   Eingabe</translation>
    </message>
    <message>
        <location filename="../../ui/interview/dialog.py" line="272"/>
        <source>%1 of %2 · Done</source>
        <translation>%1 von %2 · Fertig</translation>
    </message>
    <message>
        <location filename="../../ui/interview/dialog.py" line="283"/>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <location filename="../../ui/interview/dialog.py" line="287"/>
        <source>Asked, no answer</source>
        <translation>Gefragt, keine Antwort</translation>
    </message>
    <message>
        <location filename="../../ui/interview/dialog.py" line="288"/>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <location filename="../../ui/interview/dialog.py" line="290"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <location filename="../../ui/interview/dialog.py" line="291"/>
        <source>All open questions asked</source>
        <translation>Alle offenen Fragen gestellt</translation>
    </message>
    <message>
        <location filename="../../ui/interview/dialog.py" line="291"/>
        <source>Interview done</source>
        <translation>Befragung beendet</translation>
    </message>
    <message>
        <location filename="../../ui/interview/dialog.py" line="297"/>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <location filename="../../ui/interview/dialog.py" line="299"/>
        <source>Still open:</source>
        <translation>Noch offen:</translation>
    </message>
    <message>
        <location filename="../../ui/interview/dialog.py" line="301"/>
        <source>Every answer is saved on this workstation.</source>
        <translation>Alle Antworten sind auf diesem Arbeitsplatz gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/interview/dialog.py" line="303"/>
        <source>Saving the last answers…</source>
        <translation>Die letzten Antworten werden gespeichert…</translation>
    </message>
    <message>
        <location filename="../../ui/interview/dialog.py" line="308"/>
        <source>&lt;b&gt;Enter&lt;/b&gt;: back to the board</source>
        <translation>&lt;b&gt;Eingabe&lt;/b&gt;: zurück zu „Einmal fragen“</translation>
    </message>
    <message>
        <location filename="../../ui/interview/dialog.py" line="318"/>
        <source>Interview: %1 answered, %2 still true, %3 without an answer, %4 skipped</source>
        <translation>Befragung: %1 beantwortet, %2 bestätigt, %3 ohne Antwort, %4 übersprungen</translation>
    </message>
    <message>
        <location filename="../../ui/interview/dialog.py" line="325"/>
        <source>Interview: %1 answered, %2 still true, %3 skipped</source>
        <translation>Befragung: %1 beantwortet, %2 bestätigt, %3 übersprungen</translation>
    </message>
    <message>
        <location filename="../../ui/interview/dialog.py" line="397"/>
        <source>Please type a time such as 21:30 or 2130.</source>
        <translation>Bitte eine Uhrzeit wie 21:30 oder 2130 eingeben.</translation>
    </message>
    <message>
        <location filename="../../ui/interview/dialog.py" line="426"/>
        <source>Nothing chosen yet. Answer with the keys shown, or skip (Alt+→).</source>
        <translation>Noch nichts gewählt. Mit den angezeigten Tasten antworten oder überspringen (Alt+→).</translation>
    </message>
    <message>
        <location filename="../../ui/interview/dialog.py" line="439"/>
        <source>This is the first question.</source>
        <translation>Das ist die erste Frage.</translation>
    </message>
    <message>
        <location filename="../../ui/interview/dialog.py" line="498"/>
        <source>Not saved: %1 — %2</source>
        <translation>Nicht gespeichert: %1 — %2</translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="25"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="26"/>
        <source>Print &amp;handover sheet…</source>
        <translation>Schicht&amp;übergabe drucken…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="29"/>
        <source>The ward&apos;s shift handover: print it or save it as PDF (Ctrl+Shift+P)</source>
        <translation>Die Schichtübergabe der Station: drucken oder als PDF speichern (Strg+Umschalt+P)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="32"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="34"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="35"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="42"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="43"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="45"/>
        <source>Export &amp;diagnostics…</source>
        <translation>&amp;Diagnose exportieren…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="47"/>
        <source>A file for IT about this workstation, without any patient data</source>
        <translation>Eine Datei für die IT über diesen Arbeitsplatz, ohne Patientendaten</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="49"/>
        <source>&amp;About AskOnce</source>
        <translation>Ü&amp;ber AskOnce</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="55"/>
        <source>&amp;Ward and patient</source>
        <translation>&amp;Station und Patient</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="56"/>
        <source>The ward list and the open patient (Ctrl+W)</source>
        <translation>Die Stationsliste und der geöffnete Patient (Strg+W)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="57"/>
        <source>Discharge &amp;board</source>
        <translation>&amp;Entlassübersicht</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="60"/>
        <source>Every patient leaving soon, with what is still open (Ctrl+B)</source>
        <translation>Alle Patienten, die bald entlassen werden, mit allem, was noch offen ist (Strg+B)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="67"/>
        <source>&amp;Go</source>
        <translation>&amp;Navigation</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="68"/>
        <source>&amp;Search all patients</source>
        <translation>Alle Patienten &amp;durchsuchen</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="70"/>
        <source>&amp;Ward list</source>
        <translation>&amp;Stationsliste</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="72"/>
        <source>&amp;Next patient</source>
        <translation>&amp;Nächster Patient</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="74"/>
        <source>&amp;Previous patient</source>
        <translation>&amp;Vorheriger Patient</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="76"/>
        <source>&amp;Reload from cache</source>
        <translation>Aus dem Cache neu &amp;laden</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="84"/>
        <source>Ask &amp;once</source>
        <translation>&amp;Einmal fragen</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="85"/>
        <source>Ask the &amp;open questions…</source>
        <translation>&amp;Offene Fragen stellen…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="88"/>
        <source>The open patient&apos;s open questions one after another, one key per answer</source>
        <translation>Die offenen Fragen der geöffneten Person nacheinander, eine Taste pro Antwort</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="90"/>
        <source>&amp;Export answers (FHIR)…</source>
        <translation>Antworten &amp;exportieren (FHIR)…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="92"/>
        <source>The open patient&apos;s current answers as a FHIR QuestionnaireResponse file</source>
        <translation>Die aktuellen Antworten des geöffneten Patienten als FHIR-QuestionnaireResponse-Datei</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="94"/>
        <source>Se&amp;nd answers to the server (FHIR)…</source>
        <translation>Antworten an den Server se&amp;nden (FHIR)…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="98"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="116"/>
        <source>&amp;Sync</source>
        <translation>A&amp;bgleich</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="117"/>
        <source>Sync &amp;now</source>
        <translation>&amp;Jetzt abgleichen</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="119"/>
        <source>&amp;Stop syncing</source>
        <translation>Abgleich &amp;stoppen</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="120"/>
        <source>&amp;Conflicts and refused changes…</source>
        <translation>&amp;Konflikte und abgelehnte Änderungen…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="130"/>
        <source>S&amp;ession</source>
        <translation>&amp;Sitzung</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="131"/>
        <source>&amp;Lock now</source>
        <translation>Jetzt &amp;sperren</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="133"/>
        <source>&amp;Switch user…</source>
        <translation>&amp;Benutzer wechseln…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="134"/>
        <source>Sign in &amp;online again…</source>
        <translation>Erneut &amp;online anmelden…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="136"/>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="81"/>
        <source>&amp;Emergency access to a patient…</source>
        <translation>Not&amp;fallzugriff auf einen Patienten…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="109"/>
        <source>&amp;Coordinator view</source>
        <translation>Ansicht Entlass&amp;management</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/menus.py" line="112"/>
        <source>Demo only: start on the discharge board and the Discharge tab</source>
        <translation>Nur Demo: mit der Entlassübersicht und der Registerkarte „Entlassung“ beginnen</translation>
    </message>
</context>
<context>
    <name>MainStatusBar</name>
    <message>
        <location filename="../../ui/mainwindow/status_bar.py" line="14"/>
        <source>Sync status</source>
        <translation>Synchronisierungsstatus</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/status_bar.py" line="16"/>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/status_bar.py" line="17"/>
        <source>Open conflicts and refused changes</source>
        <translation>Konflikte und abgelehnte Änderungen öffnen</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/status_bar.py" line="29"/>
        <source>Demo: no server</source>
        <translation>Demo: kein Server</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/status_bar.py" line="29"/>
        <source>Not connected to a server</source>
        <translation>Nicht mit einem Server verbunden</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/status_bar.py" line="25"/>
        <source>Working…</source>
        <translation>Wird bearbeitet…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow/status_bar.py" line="31"/>
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n Änderung wartet auf Versand</numerusform>
            <numerusform>%n Änderungen warten auf Versand</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/status_bar.py" line="33"/>
        <source>no changes waiting</source>
        <translation>keine ausstehenden Änderungen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="88"/>
        <source>AskOnce — DEMO</source>
        <translation>AskOnce — DEMO</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="88"/>
        <location filename="../../ui/mainwindow/window.py" line="513"/>
        <location filename="../../ui/mainwindow/window.py" line="517"/>
        <source>AskOnce</source>
        <translation>AskOnce</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="104"/>
        <source>DEMO — synthetic patients only · nothing is sent anywhere</source>
        <translation>DEMO — nur fiktive Patienten · es werden keine Daten gesendet</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="108"/>
        <source>Demo mode</source>
        <translation>Demo-Modus</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="117"/>
        <source>Loading the encrypted cache…</source>
        <translation>Verschlüsselter Cache wird geladen…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="147"/>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="160"/>
        <source>Signed-in user</source>
        <translation>Angemeldeter Benutzer</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="224"/>
        <source>Select a patient from the list, or search (Ctrl+F).</source>
        <translation>Wählen Sie einen Patienten aus der Liste aus oder suchen Sie (Strg+F).</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="311"/>
        <source>Correct the answer on the Ask once tab; it is then sent.</source>
        <translation>Korrigieren Sie die Antwort auf der Registerkarte „Einmal fragen“; sie wird dann gesendet.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="242"/>
        <source>The local cache could not be opened.</source>
        <translation>Der lokale Cache konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="342"/>
        <source>Saved on this workstation</source>
        <translation>Auf diesem Arbeitsplatz gespeichert</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="358"/>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="359"/>
        <source>The change could not be saved.</source>
        <translation>Die Änderung konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="374"/>
        <source>Settings are not available here.</source>
        <translation>Einstellungen sind hier nicht verfügbar.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="394"/>
        <source>Open a patient first.</source>
        <translation>Bitte zuerst eine Patientin oder einen Patienten öffnen.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="407"/>
        <source>No open questions for this patient.</source>
        <translation>Für diese Person sind keine Fragen offen.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="519"/>
        <source>Something went wrong inside AskOnce. Your saved entries are safe. Please tell IT (the log file has the details, without patient data).</source>
        <translation>In AskOnce ist ein Fehler aufgetreten. Ihre gespeicherten Einträge sind sicher. Bitte informieren Sie die IT (die Protokolldatei enthält die Details, ohne Patientendaten).</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="538"/>
        <source>Ctrl+I  ask the open questions, one key per answer (I on the board)</source>
        <translation>Strg+I  offene Fragen stellen, eine Taste pro Antwort (I auf der Registerkarte „Einmal fragen“)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="541"/>
        <source>Ctrl+L  lock the screen now (what you typed is kept)</source>
        <translation>Strg+L  Bildschirm jetzt sperren (Ihre Eingaben bleiben erhalten)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="542"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="526"/>
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
        <translation>Strg+F  alle Patienten durchsuchen
Strg+W  Stationsliste
Strg+B  Entlassübersicht (Eingabetaste öffnet die Registerkarte „Entlassung“ des Patienten)
Strg+Bild↓ / Strg+Bild↑  nächster / vorheriger Patient
Strg+1…5  Einmal fragen, Medikamente, Zuhause &amp; Helfer, Entlassung, Verlauf
Strg+P  Entlassbericht drucken (auf der Registerkarte „Entlassung“)
Tab / Umschalt+Tab  zwischen Bedienelementen wechseln; Leertaste oder Eingabetaste zum Auslösen
Esc  Suchergebnisse verlassen
Strg+R  aus dem Cache neu laden
Strg+Q  beenden</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="548"/>
        <source>About AskOnce</source>
        <translation>Über AskOnce</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/window.py" line="549"/>
        <source>AskOnce %1 — ask every patient question once.</source>
        <translation>AskOnce %1 — jede Frage an den Patienten nur einmal stellen.</translation>
    </message>
</context>
<context>
    <name>MedicationDialog</name>
    <message>
        <location filename="../../ui/chart/medication_dialog.py" line="27"/>
        <source>Edit home medication</source>
        <translation>Hausmedikation bearbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medication_dialog.py" line="27"/>
        <source>Add home medication</source>
        <translation>Hausmedikation hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medication_dialog.py" line="30"/>
        <source>Medication name (required)</source>
        <translation>Name des Medikaments (Pflichtfeld)</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medication_dialog.py" line="30"/>
        <source>Required, e.g. Metformin</source>
        <translation>Pflichtfeld, z. B. Metformin</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medication_dialog.py" line="32"/>
        <source>Dose</source>
        <translation>Dosis</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medication_dialog.py" line="32"/>
        <source>e.g. 500 mg</source>
        <translation>z. B. 500 mg</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medication_dialog.py" line="36"/>
        <source>other</source>
        <translation>sonstige</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medication_dialog.py" line="37"/>
        <source>Route</source>
        <translation>Applikationsweg</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medication_dialog.py" line="38"/>
        <source>Frequency</source>
        <translation>Häufigkeit</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medication_dialog.py" line="38"/>
        <source>e.g. twice a day</source>
        <translation>z. B. zweimal täglich</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medication_dialog.py" line="40"/>
        <source>Last taken</source>
        <translation>Zuletzt eingenommen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medication_dialog.py" line="40"/>
        <source>e.g. this morning 08:00</source>
        <translation>z. B. heute früh 08:00</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medication_dialog.py" line="45"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medication_dialog.py" line="49"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medication_dialog.py" line="50"/>
        <source>Save medication</source>
        <translation>Medikament speichern</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medication_dialog.py" line="50"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medication_dialog.py" line="53"/>
        <source>&amp;Medication *</source>
        <translation>&amp;Medikament *</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medication_dialog.py" line="54"/>
        <source>&amp;Dose</source>
        <translation>&amp;Dosis</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medication_dialog.py" line="55"/>
        <source>&amp;Route</source>
        <translation>Applikations&amp;weg</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medication_dialog.py" line="56"/>
        <source>&amp;Frequency</source>
        <translation>&amp;Häufigkeit</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medication_dialog.py" line="57"/>
        <source>&amp;Last taken</source>
        <translation>&amp;Zuletzt eingenommen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medication_dialog.py" line="58"/>
        <source>S&amp;tatus</source>
        <translation>S&amp;tatus</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medication_dialog.py" line="59"/>
        <source>So&amp;urce</source>
        <translation>&amp;Quelle</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medication_dialog.py" line="60"/>
        <source>&amp;Note</source>
        <translation>&amp;Notiz</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medication_dialog.py" line="77"/>
        <source>oral</source>
        <translation>oral</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medication_dialog.py" line="78"/>
        <source>inhaled</source>
        <translation>inhalativ</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medication_dialog.py" line="79"/>
        <source>subcutaneous</source>
        <translation>subkutan</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medication_dialog.py" line="80"/>
        <source>topical</source>
        <translation>topisch</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medication_dialog.py" line="81"/>
        <source>ophthalmic</source>
        <translation>okulär</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medication_dialog.py" line="82"/>
        <source>transdermal</source>
        <translation>transdermal</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medication_dialog.py" line="83"/>
        <source>rectal</source>
        <translation>rektal</translation>
    </message>
</context>
<context>
    <name>MedicationStatus</name>
    <message>
        <location filename="../../ui/base/words.py" line="70"/>
        <source>taking</source>
        <translation>wird eingenommen</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="71"/>
        <source>stopped</source>
        <translation>abgesetzt</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="72"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>MedicationTableModel</name>
    <message>
        <location filename="../../ui/chart/medications_tab.py" line="55"/>
        <source>Medication</source>
        <translation>Medikament</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medications_tab.py" line="56"/>
        <source>Dose</source>
        <translation>Dosis</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medications_tab.py" line="57"/>
        <source>Route</source>
        <translation>Applikationsweg</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medications_tab.py" line="58"/>
        <source>Frequency</source>
        <translation>Häufigkeit</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medications_tab.py" line="59"/>
        <source>Last taken</source>
        <translation>Zuletzt eingenommen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medications_tab.py" line="60"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medications_tab.py" line="61"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medications_tab.py" line="62"/>
        <source>Recorded</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medications_tab.py" line="63"/>
        <source>Unsent</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medications_tab.py" line="65"/>
        <source>Saved here but not yet sent to the server</source>
        <translation>Hier gespeichert, aber noch nicht an den Server gesendet</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medications_tab.py" line="89"/>
        <source>(prescription)</source>
        <translation>(Verordnung)</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medications_tab.py" line="102"/>
        <source>From a prescription in another system: shown here, changed there.</source>
        <translation>Verordnung aus einem anderen System: wird hier angezeigt, aber dort geändert.</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medications_tab.py" line="105"/>
        <source>Code: %1</source>
        <translation>Code: %1</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medications_tab.py" line="106"/>
        <source>No medication code recorded</source>
        <translation>Kein Medikamentencode erfasst</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medications_tab.py" line="110"/>
        <source>Recorded by %1 on %2</source>
        <translation>Erfasst von %1 am %2</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medications_tab.py" line="115"/>
        <source>Note: %1</source>
        <translation>Notiz: %1</translation>
    </message>
</context>
<context>
    <name>MedicationsSection</name>
    <message>
        <location filename="../../ui/discharge/sections/medications.py" line="35"/>
        <source>Home medications — discharge decisions</source>
        <translation>Hausmedikation — Entscheidungen zur Entlassung</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/medications.py" line="38"/>
        <source>Medications not yet reconciled</source>
        <translation>Medikamente noch ohne Entscheidung</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/medications.py" line="43"/>
        <source>Medication reconciliation</source>
        <translation>Medikationsabgleich</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/medications.py" line="53"/>
        <source>Continue</source>
        <translation>Fortführen</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/medications.py" line="54"/>
        <source>Continue selected medication after discharge</source>
        <translation>Ausgewähltes Medikament nach der Entlassung fortführen</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/medications.py" line="55"/>
        <source>The patient keeps taking it as before</source>
        <translation>Der Patient nimmt es weiter wie bisher ein</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/medications.py" line="58"/>
        <source>Change…</source>
        <translation>Ändern…</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/medications.py" line="59"/>
        <source>Change selected medication at discharge</source>
        <translation>Ausgewähltes Medikament bei Entlassung ändern</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/medications.py" line="60"/>
        <source>Continue with a change; you say what changes</source>
        <translation>Mit Änderung fortführen; Sie geben an, was sich ändert</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/medications.py" line="63"/>
        <source>Stop…</source>
        <translation>Absetzen…</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/medications.py" line="64"/>
        <source>Stop selected medication at discharge</source>
        <translation>Ausgewähltes Medikament bei Entlassung absetzen</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/medications.py" line="65"/>
        <source>The patient stops taking it; give a reason if you can</source>
        <translation>Der Patient nimmt es nicht mehr ein; geben Sie nach Möglichkeit einen Grund an</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/medications.py" line="68"/>
        <source>Mark new</source>
        <translation>Als neu markieren</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/medications.py" line="69"/>
        <source>Mark selected medication as new at discharge</source>
        <translation>Ausgewähltes Medikament bei Entlassung als neu markieren</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/medications.py" line="70"/>
        <source>Started during this stay and continued at home</source>
        <translation>Während dieses Aufenthalts begonnen und zu Hause fortgeführt</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/medications.py" line="82"/>
        <source>Add new medication…</source>
        <translation>Neues Medikament hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/medications.py" line="83"/>
        <location filename="../../ui/discharge/sections/medications.py" line="159"/>
        <source>Add a new medication for discharge</source>
        <translation>Neues Medikament für die Entlassung hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/medications.py" line="84"/>
        <source>A medication started for after discharge; it is marked new</source>
        <translation>Ein für die Zeit nach der Entlassung angesetztes Medikament; es wird als neu markiert</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/medications.py" line="105"/>
        <source>No home medications recorded. Record them on the Medications tab.</source>
        <translation>Keine Hausmedikation erfasst. Erfassen Sie sie auf der Registerkarte „Medikamente“.</translation>
    </message>
</context>
<context>
    <name>MedicationsTab</name>
    <message>
        <location filename="../../ui/chart/medications_tab.py" line="145"/>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medications_tab.py" line="146"/>
        <source>Add home medication</source>
        <translation>Hausmedikation hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medications_tab.py" line="147"/>
        <source>Add a home medication (%1, or Insert in the list)</source>
        <translation>Hausmedikation hinzufügen (%1 oder Einfg in der Liste)</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medications_tab.py" line="154"/>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medications_tab.py" line="155"/>
        <source>Edit selected medication</source>
        <translation>Ausgewähltes Medikament bearbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medications_tab.py" line="156"/>
        <source>Edit the selected medication (Enter or double-click)</source>
        <translation>Ausgewähltes Medikament bearbeiten (Eingabetaste oder Doppelklick)</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medications_tab.py" line="160"/>
        <location filename="../../ui/chart/medications_tab.py" line="215"/>
        <source>Mark stopped</source>
        <translation>Als abgesetzt markieren</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medications_tab.py" line="161"/>
        <source>Mark selected medication as stopped</source>
        <translation>Ausgewähltes Medikament als abgesetzt markieren</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medications_tab.py" line="162"/>
        <source>Mark the selected medication as stopped; it stays in the list, struck out</source>
        <translation>Ausgewähltes Medikament als abgesetzt markieren; es bleibt durchgestrichen in der Liste</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medications_tab.py" line="167"/>
        <source>No home medications recorded yet. Ask: “Do you take any medicines, vitamins or herbal remedies at home?”</source>
        <translation>Noch keine Hausmedikation erfasst. Fragen Sie: „Nehmen Sie zu Hause Medikamente, Vitamine oder pflanzliche Mittel ein?“</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medications_tab.py" line="172"/>
        <source>Home medications</source>
        <translation>Hausmedikation</translation>
    </message>
    <message>
        <location filename="../../ui/chart/medications_tab.py" line="211"/>
        <source>Mark “%1” as stopped? It stays in the list, struck out, and the change is recorded.</source>
        <translation>„%1“ als abgesetzt markieren? Das Medikament bleibt durchgestrichen in der Liste, und die Änderung wird dokumentiert.</translation>
    </message>
</context>
<context>
    <name>NameAlert</name>
    <message>
        <location filename="../../ui/mainwindow/ward_model.py" line="52"/>
        <source>bed %1</source>
        <translation>Bett %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/ward_model.py" line="63"/>
        <source>Same family name on this ward: %1</source>
        <translation>Gleicher Nachname auf dieser Station: %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/ward_model.py" line="65"/>
        <source>Same name as %1</source>
        <translation>Gleicher Name wie %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/ward_model.py" line="67"/>
        <source>Similar name to %1</source>
        <translation>Ähnlicher Name wie %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/ward_model.py" line="70"/>
        <source>same birth date too: check the MRN</source>
        <translation>auch gleiches Geburtsdatum: PID prüfen</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/ward_model.py" line="72"/>
        <source>check the birth date</source>
        <translation>Geburtsdatum prüfen</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/ward_model.py" line="89"/>
        <source>Name alert</source>
        <translation>Namenswarnung</translation>
    </message>
</context>
<context>
    <name>NewsStrip</name>
    <message>
        <location filename="../../ui/mainwindow/patient_view.py" line="347"/>
        <source>&amp;Seen</source>
        <translation>&amp;Gesehen</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/patient_view.py" line="348"/>
        <source>Mark the colleagues&apos; changes as seen</source>
        <translation>Die Änderungen der Kollegen als gesehen markieren</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/patient_view.py" line="360"/>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/patient_view.py" line="366"/>
        <source>New from colleagues since you last saw this patient:</source>
        <translation>Neu von Kollegen, seit Sie diesen Patienten zuletzt gesehen haben:</translation>
    </message>
</context>
<context>
    <name>NoAnswer</name>
    <message>
        <location filename="../../ui/base/words.py" line="35"/>
        <source>Declined</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="36"/>
        <source>Could not answer now</source>
        <translation>Konnte gerade nicht antworten</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="39"/>
        <source>Not applicable</source>
        <translation>Trifft nicht zu</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="48"/>
        <source>The patient would rather not say. Asked again at the next stay.</source>
        <translation>Der Patient möchte es nicht sagen. Wird beim nächsten Aufenthalt erneut gefragt.</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="51"/>
        <source>The patient cannot answer just now. Asked again within 8 hours.</source>
        <translation>Der Patient kann gerade nicht antworten. Wird innerhalb von 8 Stunden erneut gefragt.</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="54"/>
        <source>The question does not apply to this patient. Holds like an answer.</source>
        <translation>Die Frage trifft auf diesen Patienten nicht zu. Gilt wie eine Antwort.</translation>
    </message>
</context>
<context>
    <name>PatientBanner</name>
    <message>
        <location filename="../../ui/mainwindow/patient_view.py" line="192"/>
        <source>Patient banner</source>
        <translation>Patientenkopfzeile</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/patient_view.py" line="242"/>
        <source>Patient name: %1</source>
        <translation>Patientenname: %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/patient_view.py" line="244"/>
        <source>born %1 (%2 y)</source>
        <translation>geb. %1 (%2 J.)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/patient_view.py" line="247"/>
        <source>MRN %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/patient_view.py" line="248"/>
        <source>Bed %1</source>
        <translation>Bett %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/patient_view.py" line="259"/>
        <source>allergy</source>
        <translation>Allergie</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/patient_view.py" line="261"/>
        <source>intolerance</source>
        <translation>Unverträglichkeit</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/patient_view.py" line="267"/>
        <source>Known %1: %2</source>
        <translation>Bekannte %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/patient_view.py" line="271"/>
        <source>No known allergies or intolerances recorded</source>
        <translation>Keine bekannten Allergien oder Unverträglichkeiten erfasst</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow/patient_view.py" line="280"/>
        <source>%n change(s) not yet sent</source>
        <translation>
            <numerusform>%n Änderung noch nicht gesendet</numerusform>
            <numerusform>%n Änderungen noch nicht gesendet</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/patient_view.py" line="294"/>
        <source>Name alert</source>
        <translation>Namenswarnung</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/patient_view.py" line="301"/>
        <source>Same family name on this ward: %1</source>
        <translation>Gleicher Nachname auf dieser Station: %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/patient_view.py" line="312"/>
        <source>to re-confirm</source>
        <translation>erneut bestätigen</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/patient_view.py" line="314"/>
        <source>Known from an earlier answer that is due for re-confirmation</source>
        <translation>Aus einer früheren Antwort bekannt, die erneut bestätigt werden muss</translation>
    </message>
</context>
<context>
    <name>PatientView</name>
    <message>
        <location filename="../../ui/mainwindow/patient_view.py" line="400"/>
        <location filename="../../ui/mainwindow/patient_view.py" line="401"/>
        <source>Patient tabs</source>
        <translation>Registerkarten des Patienten</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/patient_view.py" line="407"/>
        <source>&amp;Ask once</source>
        <translation>&amp;Einmal fragen</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/patient_view.py" line="408"/>
        <source>&amp;Medications</source>
        <translation>&amp;Medikamente</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/patient_view.py" line="409"/>
        <source>H&amp;ome &amp;&amp; helpers</source>
        <translation>&amp;Zuhause &amp;&amp; Helfer</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/patient_view.py" line="410"/>
        <source>&amp;Discharge</source>
        <translation>Ent&amp;lassung</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/patient_view.py" line="411"/>
        <source>Histor&amp;y</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/patient_view.py" line="416"/>
        <source>Ctrl+%1</source>
        <translation>Strg+%1</translation>
    </message>
</context>
<context>
    <name>PhotoPlaceholder</name>
    <message>
        <location filename="../../ui/mainwindow/patient_view.py" line="175"/>
        <source>Patient photo (none on file)</source>
        <translation>Patientenfoto (keines hinterlegt)</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="80"/>
        <source>Edit discharge plan</source>
        <translation>Entlassplanung bearbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="80"/>
        <source>Start discharge plan</source>
        <translation>Entlassplanung beginnen</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="83"/>
        <source>Expected discharge date</source>
        <translation>Voraussichtliches Entlassdatum</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="85"/>
        <source>Destination</source>
        <translation>Entlassziel</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="92"/>
        <source>Plan note</source>
        <translation>Notiz zur Planung</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="93"/>
        <source>Save discharge plan</source>
        <translation>Entlassplanung speichern</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="95"/>
        <source>Expected &amp;discharge</source>
        <translation>Voraussichtliche &amp;Entlassung</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="96"/>
        <source>De&amp;stination</source>
        <translation>Entlass&amp;ziel</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="97"/>
        <source>&amp;Note</source>
        <translation>&amp;Notiz</translation>
    </message>
</context>
<context>
    <name>PlanHeaderSection</name>
    <message>
        <location filename="../../ui/discharge/sections/plan_header.py" line="33"/>
        <source>Discharge plan</source>
        <translation>Entlassplanung</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/plan_header.py" line="36"/>
        <source>Expected discharge</source>
        <translation>Voraussichtliche Entlassung</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/plan_header.py" line="38"/>
        <source>Destination</source>
        <translation>Entlassziel</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/plan_header.py" line="40"/>
        <source>Readiness</source>
        <translation>Stand</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/plan_header.py" line="43"/>
        <source>Overdue checklist items</source>
        <translation>Überfällige Checklistenpunkte</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/plan_header.py" line="48"/>
        <source>No discharge plan yet. Start one to get the checklist.</source>
        <translation>Noch keine Entlassplanung. Beginnen Sie eine, um die Checkliste zu erhalten.</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/plan_header.py" line="51"/>
        <source>Start discharge plan…</source>
        <translation>Entlassplanung beginnen…</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/plan_header.py" line="52"/>
        <source>Start discharge plan</source>
        <translation>Entlassplanung beginnen</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/plan_header.py" line="53"/>
        <source>Choose the expected date and destination; the checklist follows</source>
        <translation>Voraussichtliches Datum und Entlassziel wählen; die Checkliste folgt</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/plan_header.py" line="57"/>
        <source>Edit plan…</source>
        <translation>Planung bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/plan_header.py" line="58"/>
        <source>Edit discharge plan</source>
        <translation>Entlassplanung bearbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/plan_header.py" line="59"/>
        <source>Change the expected date, destination or note</source>
        <translation>Voraussichtliches Datum, Entlassziel oder Notiz ändern</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/plan_header.py" line="63"/>
        <source>Print summary…</source>
        <translation>Entlassbericht drucken…</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/plan_header.py" line="64"/>
        <source>Print discharge summary</source>
        <translation>Entlassbericht drucken</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/plan_header.py" line="65"/>
        <source>Print the discharge summary (Ctrl+P); you confirm who you are first</source>
        <translation>Entlassbericht drucken (Strg+P); zuvor bestätigen Sie Ihre Identität</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/plan_header.py" line="69"/>
        <source>Export PDF…</source>
        <translation>Als PDF exportieren…</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/plan_header.py" line="70"/>
        <source>Export discharge summary as PDF</source>
        <translation>Entlassbericht als PDF exportieren</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/plan_header.py" line="71"/>
        <source>Save the discharge summary as a PDF; you confirm who you are first</source>
        <translation>Entlassbericht als PDF speichern; zuvor bestätigen Sie Ihre Identität</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/plan_header.py" line="110"/>
        <location filename="../../ui/discharge/sections/plan_header.py" line="114"/>
        <source>ready for discharge</source>
        <translation>entlassbereit</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/plan_header.py" line="112"/>
        <source>Readiness: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Stand: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/plan_header.py" line="114"/>
        <source>not ready yet</source>
        <translation>noch nicht entlassbereit</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/plan_header.py" line="131"/>
        <source>not decided</source>
        <translation>noch nicht festgelegt</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/plan_header.py" line="134"/>
        <source>not yet sent</source>
        <translation>noch nicht gesendet</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/plan_header.py" line="139"/>
        <source>Expected discharge: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Voraussichtliche Entlassung: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/plan_header.py" line="141"/>
        <source>Destination: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Entlassziel: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/sections/plan_header.py" line="145"/>
        <source>Note: %1</source>
        <translation>Notiz: %1</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../ui/base/preferences.py" line="56"/>
        <location filename="../../ui/base/preferences.py" line="125"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../ui/base/preferences.py" line="64"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../ui/base/preferences.py" line="65"/>
        <source>As the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <location filename="../../ui/base/preferences.py" line="69"/>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <location filename="../../ui/base/preferences.py" line="72"/>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <location filename="../../ui/base/preferences.py" line="76"/>
        <source>&amp;Appearance:</source>
        <translation>&amp;Darstellung:</translation>
    </message>
    <message>
        <location filename="../../ui/base/preferences.py" line="78"/>
        <source>A new language applies when AskOnce starts next.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von AskOnce.</translation>
    </message>
    <message>
        <location filename="../../ui/base/preferences.py" line="83"/>
        <source>Demo: your choices apply to this run only.</source>
        <translation>Demo: Ihre Auswahl gilt nur für diesen Lauf.</translation>
    </message>
    <message>
        <location filename="../../ui/base/preferences.py" line="98"/>
        <source>Set by your IT department</source>
        <translation>Von Ihrer IT-Abteilung festgelegt</translation>
    </message>
</context>
<context>
    <name>QuestionPage</name>
    <message>
        <location filename="../../ui/interview/question_page.py" line="146"/>
        <source>Given in this interview: %1</source>
        <translation>In dieser Befragung angegeben: %1</translation>
    </message>
    <message>
        <location filename="../../ui/interview/question_page.py" line="156"/>
        <source>Last answer: %1 — %2, %3 (%4)</source>
        <translation>Letzte Antwort: %1 — %2, %3 (%4)</translation>
    </message>
    <message>
        <location filename="../../ui/interview/question_page.py" line="190"/>
        <source>Type, then &lt;b&gt;Enter&lt;/b&gt; · &lt;b&gt;Enter&lt;/b&gt; on an empty field: still true</source>
        <translation>Eintippen, dann &lt;b&gt;Eingabe&lt;/b&gt; · &lt;b&gt;Eingabe&lt;/b&gt; bei leerem Feld: stimmt noch</translation>
    </message>
    <message>
        <location filename="../../ui/interview/question_page.py" line="192"/>
        <source>Type, then &lt;b&gt;Enter&lt;/b&gt;</source>
        <translation>Eintippen, dann &lt;b&gt;Eingabe&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/interview/question_page.py" line="195"/>
        <location filename="../../ui/interview/question_page.py" line="286"/>
        <source>%1: no answer</source>
        <translation>%1: keine Antwort</translation>
    </message>
    <message>
        <location filename="../../ui/interview/question_page.py" line="204"/>
        <source>(given just now)</source>
        <translation>(gerade angegeben)</translation>
    </message>
    <message>
        <location filename="../../ui/interview/question_page.py" line="206"/>
        <source>(last answer)</source>
        <translation>(letzte Antwort)</translation>
    </message>
    <message>
        <location filename="../../ui/interview/question_page.py" line="232"/>
        <source>No answer:</source>
        <translation>Keine Antwort:</translation>
    </message>
    <message>
        <location filename="../../ui/interview/question_page.py" line="257"/>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location filename="../../ui/interview/question_page.py" line="259"/>
        <source>A time such as 21:30 — then Enter</source>
        <translation>Eine Uhrzeit wie 21:30 — dann Eingabe</translation>
    </message>
    <message>
        <location filename="../../ui/interview/question_page.py" line="263"/>
        <source>Type the answer — then Enter</source>
        <translation>Antwort eintippen — dann Eingabe</translation>
    </message>
    <message>
        <location filename="../../ui/interview/question_page.py" line="275"/>
        <source>Press %1 or %2</source>
        <translation>Taste %1 oder %2</translation>
    </message>
    <message>
        <location filename="../../ui/interview/question_page.py" line="280"/>
        <source>%1 tick or untick · &lt;b&gt;Enter&lt;/b&gt; when done</source>
        <translation>%1 an- oder abwählen · &lt;b&gt;Eingabe&lt;/b&gt; zum Abschließen</translation>
    </message>
    <message>
        <location filename="../../ui/interview/question_page.py" line="282"/>
        <source>Press %1</source>
        <translation>Taste %1</translation>
    </message>
    <message>
        <location filename="../../ui/interview/question_page.py" line="284"/>
        <source>&lt;b&gt;S&lt;/b&gt; or &lt;b&gt;Enter&lt;/b&gt;: still true</source>
        <translation>&lt;b&gt;S&lt;/b&gt; oder &lt;b&gt;Eingabe&lt;/b&gt;: stimmt noch</translation>
    </message>
</context>
<context>
    <name>QuestionRow</name>
    <message>
        <location filename="../../ui/chart/question_board.py" line="139"/>
        <source>%1 — %2, %3 (%4)</source>
        <translation>%1 — %2, %3 (%4)</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="147"/>
        <source>Last answer: %1</source>
        <translation>Letzte Antwort: %1</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="151"/>
        <location filename="../../ui/chart/question_board.py" line="331"/>
        <source>not yet sent</source>
        <translation>noch nicht gesendet</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="157"/>
        <source>Valid: %1</source>
        <translation>Gültig: %1</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="194"/>
        <source>Record…</source>
        <translation>Erfassen…</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="194"/>
        <location filename="../../ui/chart/question_board.py" line="200"/>
        <source>Record answer</source>
        <translation>Antwort erfassen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="196"/>
        <location filename="../../ui/chart/question_board.py" line="201"/>
        <location filename="../../ui/chart/question_board.py" line="204"/>
        <source>Still true</source>
        <translation>Stimmt noch</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="185"/>
        <location filename="../../ui/chart/question_board.py" line="196"/>
        <location filename="../../ui/chart/question_board.py" line="201"/>
        <location filename="../../ui/chart/question_board.py" line="204"/>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="162"/>
        <source>%1 — %2 · valid: %3</source>
        <translation>%1 — %2 · gültig: %3</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="168"/>
        <source>Last known: %1</source>
        <translation>Zuletzt bekannt: %1</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="174"/>
        <source>From the hospital&apos;s record; not an AskOnce answer until confirmed</source>
        <translation>Aus der Krankenhausakte; erst nach Bestätigung eine AskOnce-Antwort</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="185"/>
        <source>Confirm record</source>
        <translation>Akteneintrag bestätigen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="188"/>
        <source>Different…</source>
        <translation>Andere Antwort…</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="188"/>
        <source>Record a different answer</source>
        <translation>Andere Antwort erfassen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="191"/>
        <source>The hospital record is right: keep it as an AskOnce answer</source>
        <translation>Die Krankenhausakte stimmt: als AskOnce-Antwort übernehmen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="197"/>
        <source>Changed…</source>
        <translation>Geändert…</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="197"/>
        <location filename="../../ui/chart/question_board.py" line="203"/>
        <source>Correct answer</source>
        <translation>Antwort korrigieren</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="200"/>
        <source>Answer…</source>
        <translation>Beantworten…</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="203"/>
        <source>Correct…</source>
        <translation>Korrigieren…</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="208"/>
        <source>Use record</source>
        <translation>Akte übernehmen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="210"/>
        <source>Use the hospital record&apos;s answer</source>
        <translation>Antwort aus der Krankenhausakte übernehmen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="213"/>
        <source>Error…</source>
        <translation>Fehleintrag…</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="213"/>
        <source>Mark error</source>
        <translation>Als Fehleintrag markieren</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="214"/>
        <source>Mark this answer as entered in error</source>
        <translation>Diese Antwort als Fehleintrag markieren</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="240"/>
        <source>In the %1 (%2): %3</source>
        <translation>In der %1 (%2): %3</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="247"/>
        <source>Same in the %1 (%2)</source>
        <translation>Gleich in der %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="265"/>
        <source>Differs from the %1 (%2): %3</source>
        <translation>Weicht ab von der %1 (%2): %3</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="297"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="290"/>
        <location filename="../../ui/chart/question_board.py" line="299"/>
        <source>%1: %2 — %3 — %4</source>
        <translation>%1: %2 — %3 — %4</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="313"/>
        <source>confirmed by %1, %2</source>
        <translation>bestätigt von %1, %2</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="315"/>
        <source>corrected by %1, %2</source>
        <translation>korrigiert von %1, %2</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="317"/>
        <source>recorded by %1, %2</source>
        <translation>erfasst von %1, %2</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="328"/>
        <location filename="../../ui/chart/question_board.py" line="334"/>
        <source>Given by: %1</source>
        <translation>Angabe von: %1</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="338"/>
        <source>Enter: %1</source>
        <translation>Eingabe: %1</translation>
    </message>
</context>
<context>
    <name>ReauthDialog</name>
    <message>
        <location filename="../../ui/base/reauth.py" line="47"/>
        <source>Confirm it is you</source>
        <translation>Identität bestätigen</translation>
    </message>
    <message>
        <location filename="../../ui/base/reauth.py" line="49"/>
        <source>Enter your PIN to continue: %1</source>
        <translation>Geben Sie Ihre PIN ein, um fortzufahren: %1</translation>
    </message>
    <message>
        <location filename="../../ui/base/reauth.py" line="54"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/base/reauth.py" line="77"/>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <location filename="../../ui/base/reauth.py" line="87"/>
        <source>The PIN could not be checked. Please tell IT.</source>
        <translation>Die PIN konnte nicht geprüft werden. Bitte informieren Sie die IT.</translation>
    </message>
</context>
<context>
    <name>ReconcileDialog</name>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="216"/>
        <source>Discharge decision</source>
        <translation>Entscheidung zur Entlassung</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="222"/>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="228"/>
        <source>What changes, or why</source>
        <translation>Was sich ändert, oder warum</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="233"/>
        <source>Save decision</source>
        <translation>Entscheidung speichern</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="236"/>
        <source>Medication</source>
        <translation>Medikament</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="237"/>
        <source>&amp;Decision</source>
        <translation>&amp;Entscheidung</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="238"/>
        <source>&amp;Note</source>
        <translation>&amp;Notiz</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="250"/>
        <source>Say what changes, e.g. “dose 250 mg twice daily”.</source>
        <translation>Geben Sie an, was sich ändert, z. B. „Dosis 250 mg zweimal täglich“.</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="252"/>
        <source>Optional: a reason or instruction for the patient.</source>
        <translation>Optional: ein Grund oder ein Hinweis für den Patienten.</translation>
    </message>
</context>
<context>
    <name>ReconciliationModel</name>
    <message>
        <location filename="../../ui/discharge/models.py" line="155"/>
        <source>Medication</source>
        <translation>Medikament</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/models.py" line="156"/>
        <source>At home</source>
        <translation>Zu Hause</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/models.py" line="157"/>
        <source>Discharge decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/models.py" line="158"/>
        <source>Decided by</source>
        <translation>Entschieden von</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/models.py" line="159"/>
        <source>Change / reason</source>
        <translation>Änderung / Grund</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/models.py" line="160"/>
        <source>Unsent</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/models.py" line="162"/>
        <source>Saved here but not yet sent to the server</source>
        <translation>Hier gespeichert, aber noch nicht an den Server gesendet</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/models.py" line="180"/>
        <source>Decided by %1 on %2</source>
        <translation>Entschieden von %1 am %2</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/models.py" line="203"/>
        <source>stopped</source>
        <translation>abgesetzt</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/models.py" line="207"/>
        <source>none needed (stopped before admission)</source>
        <translation>nicht nötig (vor der Aufnahme abgesetzt)</translation>
    </message>
</context>
<context>
    <name>RecordTab</name>
    <message>
        <location filename="../../ui/chart/record_tab.py" line="318"/>
        <source>New from %1, %2</source>
        <translation>Neu von %1, %2</translation>
    </message>
</context>
<context>
    <name>ReportedModel</name>
    <message>
        <location filename="../../ui/chart/reported_panel.py" line="42"/>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <location filename="../../ui/chart/reported_panel.py" line="43"/>
        <source>Reported</source>
        <translation>Angegeben</translation>
    </message>
    <message>
        <location filename="../../ui/chart/reported_panel.py" line="44"/>
        <source>On record</source>
        <translation>Dokumentiert</translation>
    </message>
    <message>
        <location filename="../../ui/chart/reported_panel.py" line="45"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../../ui/chart/reported_panel.py" line="71"/>
        <source>the same</source>
        <translation>gleich</translation>
    </message>
    <message>
        <location filename="../../ui/chart/reported_panel.py" line="77"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../../ui/chart/reported_panel.py" line="82"/>
        <source>%1: reported %2 (%3)</source>
        <translation>%1: angegeben %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../ui/chart/reported_panel.py" line="88"/>
        <source>; on record: %1</source>
        <translation>; dokumentiert: %1</translation>
    </message>
</context>
<context>
    <name>ReportedPanel</name>
    <message>
        <location filename="../../ui/chart/reported_panel.py" line="114"/>
        <source>Patient reported — not yet confirmed</source>
        <translation>Vom Patienten angegeben – noch nicht bestätigt</translation>
    </message>
    <message>
        <location filename="../../ui/chart/reported_panel.py" line="121"/>
        <source>Ask the patient. Enter confirms the selected answer; Delete sets it aside. Nothing is taken into the chart without you.</source>
        <translation>Fragen Sie den Patienten. Eingabe bestätigt die gewählte Antwort, Entf legt sie beiseite. Nichts wird ohne Sie in die Akte übernommen.</translation>
    </message>
    <message>
        <location filename="../../ui/chart/reported_panel.py" line="129"/>
        <source>Patient-reported answers to confirm</source>
        <translation>Vom Patienten angegebene Antworten zum Bestätigen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/reported_panel.py" line="140"/>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/reported_panel.py" line="141"/>
        <source>Confirm the selected reported answer</source>
        <translation>Die gewählte angegebene Antwort bestätigen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/reported_panel.py" line="142"/>
        <source>The patient confirms it: it becomes their answer (Enter)</source>
        <translation>Der Patient bestätigt sie: Sie wird seine Antwort (Eingabe)</translation>
    </message>
    <message>
        <location filename="../../ui/chart/reported_panel.py" line="146"/>
        <source>Set aside</source>
        <translation>Beiseitelegen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/reported_panel.py" line="147"/>
        <source>Set the selected reported answer aside</source>
        <translation>Die gewählte angegebene Antwort beiseitelegen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/reported_panel.py" line="148"/>
        <source>Not taken into the chart, no longer offered (Delete)</source>
        <translation>Nicht in die Akte übernommen, nicht mehr angeboten (Entf)</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <location filename="../../ui/mainwindow/search_model.py" line="43"/>
        <source>Similar name: %1</source>
        <translation>Ähnlicher Name: %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/search_model.py" line="45"/>
        <source>Name: %1</source>
        <translation>Name: %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/search_model.py" line="49"/>
        <source>MRN %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/search_model.py" line="51"/>
        <source>Born %1</source>
        <translation>Geboren am %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/search_model.py" line="53"/>
        <source>Age %1</source>
        <translation>Alter %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/search_model.py" line="55"/>
        <source>Bed %1</source>
        <translation>Bett %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/search_model.py" line="57"/>
        <source>Ward %1</source>
        <translation>Station %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/search_model.py" line="59"/>
        <source>Allergy or intolerance: %1</source>
        <translation>Allergie oder Unverträglichkeit: %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/search_model.py" line="61"/>
        <source>Home medication: %1</source>
        <translation>Hausmedikation: %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/search_model.py" line="63"/>
        <source>Contact: %1</source>
        <translation>Kontakt: %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/search_model.py" line="66"/>
        <source>Discharge: %1</source>
        <translation>Entlassung: %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/search_model.py" line="68"/>
        <source>Discharge plan</source>
        <translation>Entlassplan</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/search_model.py" line="71"/>
        <source>Discharge checklist: %1</source>
        <translation>Entlass-Checkliste: %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/search_model.py" line="74"/>
        <source> (similar spelling)</source>
        <translation> (ähnliche Schreibweise)</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location filename="../../ui/mainwindow/search_model.py" line="111"/>
        <location filename="../../ui/mainwindow/search_model.py" line="120"/>
        <source>born %1</source>
        <translation>geb. %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/search_model.py" line="119"/>
        <source>bed %1</source>
        <translation>Bett %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow/search_model.py" line="109"/>
        <location filename="../../ui/mainwindow/search_model.py" line="115"/>
        <source> (+%n more)</source>
        <translation>
            <numerusform> (+%n weiterer Treffer)</numerusform>
            <numerusform> (+%n weitere Treffer)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/search_model.py" line="110"/>
        <source>Bed %1</source>
        <translation>Bett %1</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../ui/workstation/shell.py" line="137"/>
        <source>Offline unlock is blocked after too many wrong PINs. Sign in online.</source>
        <translation>Das Entsperren offline ist nach zu vielen falschen PIN-Eingaben gesperrt. Melden Sie sich online an.</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/shell.py" line="490"/>
        <source>Your hospital sign-in has ended. Unlock with your PIN to keep working offline, or sign in online to sync again.</source>
        <translation>Ihre Anmeldung mit dem Krankenhauskonto ist abgelaufen. Entsperren Sie mit Ihrer PIN, um offline weiterzuarbeiten, oder melden Sie sich online an, um wieder abzugleichen.</translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="38"/>
        <location filename="../../ui/workstation/sign_in.py" line="215"/>
        <location filename="../../ui/workstation/sign_in.py" line="232"/>
        <source>AskOnce — Sign in</source>
        <translation>AskOnce — Anmeldung</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="67"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="84"/>
        <source>Sign in with your hospital account. Your browser opens the hospital&apos;s sign-in page; afterwards you choose an offline PIN for this workstation.</source>
        <translation>Melden Sie sich mit Ihrem Krankenhauskonto an. Ihr Browser öffnet die Anmeldeseite des Krankenhauses; danach wählen Sie eine Offline-PIN für diesen Arbeitsplatz.</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="91"/>
        <source>Users with a cache on this workstation</source>
        <translation>Benutzer mit einem Cache auf diesem Arbeitsplatz</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="95"/>
        <source>&amp;Continue</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="100"/>
        <location filename="../../ui/workstation/sign_in.py" line="208"/>
        <source>&amp;Someone else…</source>
        <translation>&amp;Jemand anderes…</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="101"/>
        <source>Sign in online with your hospital account</source>
        <translation>Online mit Ihrem Krankenhauskonto anmelden</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="119"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="121"/>
        <source>&amp;PIN:</source>
        <translation>&amp;PIN:</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="124"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="126"/>
        <source>Sign in &amp;online…</source>
        <translation>&amp;Online anmelden…</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="128"/>
        <source>Forgot the PIN, or offline unlock blocked: sign in with your hospital account</source>
        <translation>PIN vergessen oder Entsperren offline gesperrt: mit Ihrem Krankenhauskonto anmelden</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="131"/>
        <source>S&amp;witch user</source>
        <translation>Benutzer &amp;wechseln</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="146"/>
        <source>Your browser has opened the hospital sign-in page. Sign in there, then come back here.</source>
        <translation>Ihr Browser hat die Anmeldeseite des Krankenhauses geöffnet. Melden Sie sich dort an und kehren Sie dann hierher zurück.</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="154"/>
        <source>Waiting for the browser sign-in</source>
        <translation>Warten auf die Anmeldung im Browser</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="156"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="167"/>
        <source>Choose an offline PIN of at least %1 characters. It unlocks your patients&apos; data on this workstation, also when the network is down. Do not share it.</source>
        <translation>Wählen Sie eine Offline-PIN mit mindestens %1 Zeichen. Sie entsperrt die Daten Ihrer Patienten auf diesem Arbeitsplatz, auch wenn das Netzwerk ausgefallen ist. Geben Sie sie nicht weiter.</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="176"/>
        <source>New PIN</source>
        <translation>Neue PIN</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="179"/>
        <source>Repeat the new PIN</source>
        <translation>Neue PIN wiederholen</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="181"/>
        <source>&amp;New PIN:</source>
        <translation>&amp;Neue PIN:</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="182"/>
        <source>&amp;Repeat:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="184"/>
        <source>Set &amp;PIN</source>
        <translation>&amp;PIN festlegen</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="197"/>
        <source>Continue as %1</source>
        <translation>Weiter als %1</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="210"/>
        <source>&amp;Sign in with your hospital account…</source>
        <translation>Mit dem Krankenhauskonto an&amp;melden…</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="213"/>
        <source>Who is signing in?</source>
        <translation>Wer meldet sich an?</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="213"/>
        <source>Sign in to AskOnce</source>
        <translation>Bei AskOnce anmelden</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="223"/>
        <source>AskOnce is locked</source>
        <translation>AskOnce ist gesperrt</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="225"/>
        <source>Welcome back, %1</source>
        <translation>Willkommen zurück, %1</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="228"/>
        <source>%1 was working here. Enter the PIN to continue.</source>
        <translation>%1 hat hier gearbeitet. Geben Sie die PIN ein, um fortzufahren.</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="230"/>
        <source>Enter your offline PIN.</source>
        <translation>Geben Sie Ihre Offline-PIN ein.</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="232"/>
        <source>AskOnce — Locked</source>
        <translation>AskOnce — Gesperrt</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="240"/>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="245"/>
        <source>Hello, %1</source>
        <translation>Hallo, %1</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="262"/>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="282"/>
        <source>At least %1 characters.</source>
        <translation>Mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../ui/workstation/sign_in.py" line="286"/>
        <source>The two entries differ.</source>
        <translation>Die beiden Eingaben stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>Source</name>
    <message>
        <location filename="../../ui/chart/record_tab.py" line="72"/>
        <source>Source of the information</source>
        <translation>Informationsquelle</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="25"/>
        <source>patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="26"/>
        <source>family</source>
        <translation>Angehörige</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="27"/>
        <source>chart</source>
        <translation>Akte</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="28"/>
        <source>other system</source>
        <translation>anderes System</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../ui/base/style.py" line="32"/>
        <source>Asked</source>
        <translation>Gefragt</translation>
    </message>
    <message>
        <location filename="../../ui/base/style.py" line="40"/>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <location filename="../../ui/base/style.py" line="48"/>
        <source>Re-confirm</source>
        <translation>Erneut bestätigen</translation>
    </message>
    <message>
        <location filename="../../ui/base/style.py" line="55"/>
        <source>Not asked</source>
        <translation>Nicht gefragt</translation>
    </message>
</context>
<context>
    <name>SummaryOutput</name>
    <message>
        <location filename="../../ui/discharge/summary/output.py" line="241"/>
        <source>Print the discharge summary</source>
        <translation>Entlassbericht drucken</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/output.py" line="257"/>
        <source>Export the discharge summary as PDF</source>
        <translation>Entlassbericht als PDF exportieren</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/output.py" line="266"/>
        <source>Export discharge summary as PDF</source>
        <translation>Entlassbericht als PDF exportieren</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/output.py" line="267"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/output.py" line="312"/>
        <source>The printer could not be opened.</source>
        <translation>Der Drucker konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/output.py" line="327"/>
        <source>The PDF could not be written there. Choose another folder.</source>
        <translation>Die PDF-Datei konnte dort nicht gespeichert werden. Wählen Sie einen anderen Ordner.</translation>
    </message>
</context>
<context>
    <name>SummaryWriter</name>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="108"/>
        <location filename="../../ui/discharge/summary/document.py" line="150"/>
        <location filename="../../ui/discharge/summary/output.py" line="165"/>
        <location filename="../../ui/discharge/summary/output.py" line="183"/>
        <source>Discharge summary</source>
        <translation>Entlassbericht</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="110"/>
        <source>DEMO — synthetic patient</source>
        <translation>DEMO — fiktiver Patient</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="111"/>
        <source>MRN %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="116"/>
        <source>Printed %1 by %2 · AskOnce · confidential patient information</source>
        <translation>Gedruckt am %1 von %2 · AskOnce · vertrauliche Patientendaten</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="122"/>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="156"/>
        <source>DEMO — synthetic patient, not a real person</source>
        <translation>DEMO — fiktiver Patient, keine reale Person</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="173"/>
        <source>none recorded</source>
        <translation>keine erfasst</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="176"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="178"/>
        <source>Born</source>
        <translation>Geboren</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="179"/>
        <source>%1 (%2 years)</source>
        <translation>%1 (%2 Jahre)</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="181"/>
        <source>MRN</source>
        <translation>PID</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="183"/>
        <source>Ward / bed</source>
        <translation>Station / Bett</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="184"/>
        <location filename="../../ui/discharge/summary/document.py" line="191"/>
        <source>not recorded</source>
        <translation>nicht erfasst</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="187"/>
        <source>Admitted</source>
        <translation>Aufgenommen</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="194"/>
        <source>Allergies and intolerances</source>
        <translation>Allergien und Unverträglichkeiten</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="199"/>
        <source>allergy</source>
        <translation>Allergie</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="199"/>
        <source>intolerance</source>
        <translation>Unverträglichkeit</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="208"/>
        <source>DRAFT — no discharge plan has been started.</source>
        <translation>ENTWURF — es wurde noch keine Entlassplanung begonnen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge/summary/document.py" line="214"/>
        <source>%n checklist item(s) open</source>
        <translation>
            <numerusform>%n Checklistenpunkt offen</numerusform>
            <numerusform>%n Checklistenpunkte offen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge/summary/document.py" line="216"/>
        <source>%n medication(s) not yet reconciled</source>
        <translation>
            <numerusform>%n Medikament noch ohne Entscheidung</numerusform>
            <numerusform>%n Medikamente noch ohne Entscheidung</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="217"/>
        <source>DRAFT — not ready for discharge: %1</source>
        <translation>ENTWURF — noch nicht entlassbereit: %1</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="221"/>
        <source>Checklist complete and all medications reconciled.</source>
        <translation>Checkliste vollständig, Entscheidung zu allen Medikamenten getroffen.</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="226"/>
        <source>Discharge</source>
        <translation>Entlassung</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="229"/>
        <source>No discharge plan yet.</source>
        <translation>Noch keine Entlassplanung.</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="231"/>
        <source>not decided</source>
        <translation>noch nicht festgelegt</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="233"/>
        <source>Expected discharge</source>
        <translation>Voraussichtliche Entlassung</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="234"/>
        <source>Destination</source>
        <translation>Entlassziel</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="235"/>
        <source>Checklist</source>
        <translation>Checkliste</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="240"/>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="246"/>
        <source>Still open</source>
        <translation>Noch offen</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="248"/>
        <location filename="../../ui/discharge/summary/document.py" line="473"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="281"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="282"/>
        <source>Checklist item</source>
        <translation>Checklistenpunkt</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="283"/>
        <source>Owner</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="284"/>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="285"/>
        <source>Done by, when</source>
        <translation>Erledigt von, wann</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="290"/>
        <source>All checklist items</source>
        <translation>Alle Checklistenpunkte</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="299"/>
        <source>Medications at discharge (reconciled home medication list)</source>
        <translation>Medikamente bei Entlassung (abgestimmte Hausmedikation)</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="301"/>
        <source>No home medications recorded.</source>
        <translation>Keine Hausmedikation erfasst.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/discharge/summary/document.py" line="305"/>
        <source>%n medication(s) NOT YET RECONCILED — decide before discharge.</source>
        <translation>
            <numerusform>%n Medikament NOCH OHNE ENTSCHEIDUNG — vor der Entlassung entscheiden.</numerusform>
            <numerusform>%n Medikamente NOCH OHNE ENTSCHEIDUNG — vor der Entlassung entscheiden.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="333"/>
        <source>(do not take after discharge)</source>
        <translation>(nach der Entlassung nicht mehr einnehmen)</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="338"/>
        <source>Medication</source>
        <translation>Medikament</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="339"/>
        <source>Dose, route, frequency</source>
        <translation>Dosis, Applikationsweg, Häufigkeit</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="340"/>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="341"/>
        <source>Change / reason</source>
        <translation>Änderung / Grund</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="342"/>
        <source>Decided by, when</source>
        <translation>Entschieden von, wann</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="352"/>
        <source>Home care</source>
        <translation>Versorgung zu Hause</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="358"/>
        <source>Helper at home after discharge: %1</source>
        <translation>Helfer zu Hause nach der Entlassung: %1</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="368"/>
        <source>%1 has not consented to receive information: not a contact for the follow-up.</source>
        <translation>%1 hat nicht eingewilligt, Informationen zu erhalten: keine Kontaktperson für die Nachsorge.</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="375"/>
        <source>No helper at home has been named.</source>
        <translation>Noch kein Helfer für zu Hause benannt.</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="379"/>
        <source>No home-care contacts recorded.</source>
        <translation>Keine Kontakte für die Versorgung zu Hause erfasst.</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="381"/>
        <source>Home-care agency</source>
        <translation>Pflegedienst</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="385"/>
        <source>No home-care agency involved.</source>
        <translation>Kein Pflegedienst beteiligt.</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="397"/>
        <source>(helper at home)</source>
        <translation>(Helfer zu Hause)</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="416"/>
        <source>✓ verified by %1</source>
        <translation>✓ überprüft von %1</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="420"/>
        <source>NOT VERIFIED</source>
        <translation>NICHT ÜBERPRÜFT</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="421"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="421"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="425"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="426"/>
        <source>Relationship / role</source>
        <translation>Beziehung / Rolle</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="427"/>
        <source>Phone / e-mail (in order)</source>
        <translation>Telefon / E-Mail (in Reihenfolge)</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="428"/>
        <source>Best reached</source>
        <translation>Am besten erreichbar</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="429"/>
        <source>Consent to share</source>
        <translation>Einwilligung zur Auskunft</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="430"/>
        <source>Verified for discharge</source>
        <translation>Für Entlassung überprüft</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="436"/>
        <source>Follow-up</source>
        <translation>Nachsorge</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="440"/>
        <source>%1, %2 (source: %3)</source>
        <translation>%1, %2 (Quelle: %3)</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="446"/>
        <location filename="../../ui/discharge/summary/document.py" line="462"/>
        <source>Preferred channel</source>
        <translation>Bevorzugter Kontaktweg</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="447"/>
        <source>Best times</source>
        <translation>Beste Zeiten</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="447"/>
        <source>no preference given</source>
        <translation>keine Präferenz angegeben</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="448"/>
        <source>Recorded by</source>
        <translation>Erfasst von</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="449"/>
        <source>Follow-up contact</source>
        <translation>Kontakt für die Nachsorge</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="453"/>
        <source>Follow-up request</source>
        <translation>Nachsorge-Auftrag</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="456"/>
        <source>due for re-confirmation</source>
        <translation>erneut zu bestätigen</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="458"/>
        <source>not yet asked</source>
        <translation>noch nicht gefragt</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="463"/>
        <location filename="../../ui/discharge/summary/document.py" line="500"/>
        <source>UNKNOWN — %1</source>
        <translation>UNBEKANNT — %1</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="467"/>
        <source>Last answer</source>
        <translation>Letzte Antwort</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="469"/>
        <source>Appointments</source>
        <translation>Termine</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="473"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="473"/>
        <source>With</source>
        <translation>Bei</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="473"/>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="486"/>
        <source>No follow-up appointments booked.</source>
        <translation>Keine Nachsorgetermine vereinbart.</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="494"/>
        <source>%1 has not consented to receive information</source>
        <translation>%1 hat nicht eingewilligt, Informationen zu erhalten</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="498"/>
        <source>no number or address to use</source>
        <translation>keine Nummer oder Adresse bekannt</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="502"/>
        <location filename="../../ui/discharge/summary/document.py" line="527"/>
        <source>the patient</source>
        <translation>der Patient</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="504"/>
        <location filename="../../ui/discharge/summary/document.py" line="529"/>
        <source>%1 (helper at home)</source>
        <translation>%1 (Helfer zu Hause)</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="508"/>
        <source>%1 — %2 %3</source>
        <translation>%1 — %2 %3</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="518"/>
        <source>drafted</source>
        <translation>im Entwurf</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="519"/>
        <source>requested from the messaging system</source>
        <translation>beim Benachrichtigungssystem beauftragt</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="520"/>
        <source>on hold until the plan is complete again</source>
        <translation>pausiert, bis der Plan wieder vollständig ist</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="521"/>
        <source>cancelled</source>
        <translation>zurückgezogen</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="522"/>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="523"/>
        <source>entered in error</source>
        <translation>irrtümlich erfasst</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="524"/>
        <source>status unknown</source>
        <translation>Status unbekannt</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="532"/>
        <source>%1: to %2 — %3 %4</source>
        <translation>%1: an %2 — %3 %4</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="543"/>
        <source>⚠ Differs from the current follow-up contact above.</source>
        <translation>⚠ Weicht vom aktuellen Nachsorge-Kontakt oben ab.</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="549"/>
        <source>date to be agreed</source>
        <translation>Datum noch zu vereinbaren</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="552"/>
        <source>What the patient told us (key preferences)</source>
        <translation>Was uns der Patient gesagt hat (wichtigste Wünsche)</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="556"/>
        <source>No preferences recorded yet.</source>
        <translation>Noch keine Wünsche erfasst.</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/output.py" line="195"/>
        <source>Print discharge summary</source>
        <translation>Entlassbericht drucken</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../ui/syncstatus/controller.py" line="150"/>
        <source>Syncing…</source>
        <translation>Abgleich läuft…</translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/controller.py" line="153"/>
        <source>sending</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/controller.py" line="154"/>
        <source>checking your patients</source>
        <translation>Prüfen Ihrer Patienten</translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/controller.py" line="155"/>
        <source>receiving</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/controller.py" line="156"/>
        <source>checking for deletions</source>
        <translation>Abgleich gelöschter Einträge</translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/controller.py" line="159"/>
        <source>Syncing: %1 (%2 of %3)</source>
        <translation>Abgleich: %1 (%2 von %3)</translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/controller.py" line="237"/>
        <source>Offline since %1</source>
        <translation>Offline seit %1</translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/controller.py" line="244"/>
        <source>Last sync failed: %1</source>
        <translation>Letzte Synchronisierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/controller.py" line="246"/>
        <source>Last sync failed</source>
        <translation>Letzter Abgleich fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/controller.py" line="249"/>
        <source>Up to date</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/controller.py" line="251"/>
        <source>Not synced yet</source>
        <translation>Noch nicht abgeglichen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/syncstatus/controller.py" line="253"/>
        <source>%n conflict(s) to resolve — open</source>
        <translation>
            <numerusform>%n Konflikt zu lösen — öffnen</numerusform>
            <numerusform>%n Konflikte zu lösen — öffnen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/syncstatus/controller.py" line="255"/>
        <source>Server rejected %n change(s) — open</source>
        <translation>
            <numerusform>Server hat %n Änderung abgelehnt — öffnen</numerusform>
            <numerusform>Server hat %n Änderungen abgelehnt — öffnen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/syncstatus/controller.py" line="258"/>
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n Änderung wartet</numerusform>
            <numerusform>%n Änderungen warten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/controller.py" line="269"/>
        <source>your sign-in lacks the permission %1 — tell IT</source>
        <translation>Ihrer Anmeldung fehlt die Berechtigung %1 – bitte die IT informieren</translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/controller.py" line="272"/>
        <source>your sign-in lacks a permission the server requires — tell IT</source>
        <translation>Ihrer Anmeldung fehlt eine Berechtigung, die der Server verlangt – bitte die IT informieren</translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/controller.py" line="274"/>
        <source>the server is busy; AskOnce will try again</source>
        <translation>der Server ist ausgelastet; AskOnce versucht es erneut</translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/controller.py" line="275"/>
        <source>the server&apos;s certificate is not trusted — tell IT</source>
        <translation>dem Zertifikat des Servers wird nicht vertraut – bitte die IT informieren</translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/controller.py" line="276"/>
        <source>the server refused your sign-in — sign in again</source>
        <translation>der Server hat Ihre Anmeldung abgelehnt – bitte erneut anmelden</translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/controller.py" line="278"/>
        <source>the server cannot answer what AskOnce needs; nothing was changed — tell IT</source>
        <translation>der Server kann nicht beantworten, was AskOnce braucht; nichts wurde geändert – bitte die IT informieren</translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/controller.py" line="281"/>
        <source>the server sent an answer AskOnce cannot read — tell IT if it persists</source>
        <translation>der Server hat eine Antwort geschickt, die AskOnce nicht lesen kann – bitte die IT informieren, wenn es so bleibt</translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/controller.py" line="284"/>
        <source>some records from the server could not be read — tell IT</source>
        <translation>einige Einträge vom Server konnten nicht gelesen werden – bitte die IT informieren</translation>
    </message>
</context>
<context>
    <name>SyncProblemsFlow</name>
    <message>
        <location filename="../../ui/syncstatus/problems.py" line="49"/>
        <source>Refused changes</source>
        <translation>Abgelehnte Änderungen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/syncstatus/problems.py" line="51"/>
        <source>The server refused %n change(s). They are kept here.</source>
        <translation>
            <numerusform>Der Server hat %n Änderung abgelehnt. Sie bleibt hier erhalten.</numerusform>
            <numerusform>Der Server hat %n Änderungen abgelehnt. Sie bleiben hier erhalten.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/syncstatus/problems.py" line="54"/>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="125"/>
        <source>Edit checklist item</source>
        <translation>Checklistenpunkt bearbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="125"/>
        <source>Add checklist item</source>
        <translation>Checklistenpunkt hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="128"/>
        <source>Checklist item (required)</source>
        <translation>Checklistenpunkt (Pflichtfeld)</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="129"/>
        <source>Required, e.g. Wound-care supplies ordered</source>
        <translation>Pflichtfeld, z. B. Verbandsmaterial bestellt</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="131"/>
        <source>Responsible role</source>
        <translation>Zuständige Rolle</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="135"/>
        <source>Assigned to</source>
        <translation>Zugewiesen an</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="136"/>
        <source>nobody yet</source>
        <translation>noch niemand</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="140"/>
        <source>me (%1)</source>
        <translation>ich (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="143"/>
        <location filename="../../ui/discharge/dialogs.py" line="144"/>
        <source>Has a due date</source>
        <translation>Mit Fälligkeitsdatum</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="146"/>
        <source>Due date</source>
        <translation>Fälligkeitsdatum</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="151"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="154"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="155"/>
        <source>Save checklist item</source>
        <translation>Checklistenpunkt speichern</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="162"/>
        <source>&amp;Item *</source>
        <translation>&amp;Aufgabe *</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="163"/>
        <source>&amp;Role</source>
        <translation>&amp;Rolle</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="164"/>
        <source>Assigned &amp;to</source>
        <translation>&amp;Zugewiesen an</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="165"/>
        <source>D&amp;ue</source>
        <translation>&amp;Fällig</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="166"/>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/dialogs.py" line="167"/>
        <source>&amp;Note</source>
        <translation>&amp;Notiz</translation>
    </message>
</context>
<context>
    <name>Telecom</name>
    <message>
        <location filename="../../ui/base/words.py" line="105"/>
        <source>phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../ui/base/words.py" line="103"/>
        <source>e-mail</source>
        <translation>E-Mail</translation>
    </message>
</context>
<context>
    <name>TelecomEditor</name>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="33"/>
        <source>Phone numbers and e-mail, first is tried first</source>
        <translation>Telefonnummern und E-Mail; der erste Eintrag wird zuerst versucht</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="38"/>
        <source>Type: phone or e-mail</source>
        <translation>Art: Telefon oder E-Mail</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="40"/>
        <location filename="../../ui/chart/contact_dialog.py" line="41"/>
        <source>Number or address</source>
        <translation>Nummer oder Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="43"/>
        <source>Label, e.g. mobile or work</source>
        <translation>Bezeichnung, z. B. mobil oder dienstlich</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="44"/>
        <source>Label, e.g. mobile</source>
        <translation>Bezeichnung, z. B. mobil</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="45"/>
        <source>Add number</source>
        <translation>Nummer hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="45"/>
        <source>Add a number or e-mail</source>
        <translation>Nummer oder E-Mail hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="46"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="46"/>
        <source>Remove the selected entry</source>
        <translation>Ausgewählten Eintrag entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="47"/>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="47"/>
        <source>Try the selected entry earlier</source>
        <translation>Ausgewählten Eintrag früher versuchen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="49"/>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="49"/>
        <source>Try the selected entry later</source>
        <translation>Ausgewählten Eintrag später versuchen</translation>
    </message>
    <message>
        <location filename="../../ui/chart/contact_dialog.py" line="127"/>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
</context>
<context>
    <name>Time</name>
    <message>
        <location filename="../../ui/base/style.py" line="95"/>
        <source>today %1</source>
        <translation>heute %1</translation>
    </message>
    <message>
        <location filename="../../ui/base/style.py" line="99"/>
        <source>yesterday %1</source>
        <translation>gestern %1</translation>
    </message>
    <message>
        <location filename="../../ui/base/style.py" line="103"/>
        <source>%1 days ago</source>
        <translation>vor %1 Tagen</translation>
    </message>
    <message>
        <location filename="../../ui/base/style.py" line="76"/>
        <source>time unknown</source>
        <translation>Zeitpunkt unbekannt</translation>
    </message>
</context>
<context>
    <name>Unsent</name>
    <message>
        <location filename="../../ui/base/table_model.py" line="145"/>
        <source>not yet sent</source>
        <translation>noch nicht gesendet</translation>
    </message>
</context>
<context>
    <name>Validity</name>
    <message>
        <location filename="../../ui/chart/question_board.py" line="65"/>
        <source>permanent</source>
        <translation>dauerhaft</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="67"/>
        <source>this stay</source>
        <translation>dieser Aufenthalt</translation>
    </message>
    <message>
        <location filename="../../ui/chart/question_board.py" line="68"/>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
</context>
<context>
    <name>WardPanel</name>
    <message>
        <location filename="../../ui/mainwindow/ward_panel.py" line="38"/>
        <source>&lt;b&gt;My patients&lt;/b&gt;</source>
        <translation>&lt;b&gt;Meine Patienten&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/ward_panel.py" line="41"/>
        <source>Filter by bed, name or MRN</source>
        <translation>Nach Bett, Name oder PID filtern</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/ward_panel.py" line="42"/>
        <source>Filter ward list</source>
        <translation>Stationsliste filtern</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/ward_panel.py" line="62"/>
        <source>Ward list</source>
        <translation>Stationsliste</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/ward_panel.py" line="85"/>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/ward_panel.py" line="105"/>
        <source>Search patients, phone numbers, answers, medications… (Ctrl+F)</source>
        <translation>Patienten, Telefonnummern, Antworten, Medikamente suchen… (Strg+F)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/ward_panel.py" line="107"/>
        <source>Search all patients</source>
        <translation>Alle Patienten durchsuchen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow/ward_panel.py" line="138"/>
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n Patient</numerusform>
            <numerusform>%n Patienten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow/ward_panel.py" line="140"/>
        <source>%n with a name alert</source>
        <translation>
            <numerusform>%n mit Namenswarnung</numerusform>
            <numerusform>%n mit Namenswarnung</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow/ward_panel.py" line="246"/>
        <source>The best %2 of %n patient(s) matching “%1” — add a word to narrow down; Esc returns to the ward list</source>
        <translation>
            <numerusform>Die besten %2 von %n Patienten zu „%1“ — ein weiteres Wort grenzt ein; mit Esc zurück zur Stationsliste</numerusform>
            <numerusform>Die besten %2 von %n Patienten zu „%1“ — ein weiteres Wort grenzt ein; mit Esc zurück zur Stationsliste</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow/ward_panel.py" line="254"/>
        <source>%n patient(s) match “%1” — Esc returns to the ward list</source>
        <translation>
            <numerusform>%n Patient passt zu „%1“ — mit Esc zurück zur Stationsliste</numerusform>
            <numerusform>%n Patienten passen zu „%1“ — mit Esc zurück zur Stationsliste</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/ward_panel.py" line="242"/>
        <source>No patient matches “%1” — Esc returns to the ward list</source>
        <translation>Kein Patient passt zu „%1“ — mit Esc zurück zur Stationsliste</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/ward_panel.py" line="133"/>
        <source>My patients</source>
        <translation>Meine Patienten</translation>
    </message>
</context>
<context>
    <name>WardTableModel</name>
    <message>
        <location filename="../../ui/mainwindow/ward_model.py" line="178"/>
        <source>Bed</source>
        <translation>Bett</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/ward_model.py" line="179"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/ward_model.py" line="181"/>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/ward_model.py" line="182"/>
        <source>Unsent</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/ward_model.py" line="189"/>
        <source>Questions never asked or due for re-confirmation</source>
        <translation>Noch nie gestellte oder erneut zu bestätigende Fragen</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/ward_model.py" line="190"/>
        <source>Changes saved here but not yet sent to the server</source>
        <translation>Hier gespeicherte, aber noch nicht an den Server gesendete Änderungen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow/ward_model.py" line="225"/>
        <source>%n question(s) open</source>
        <translation>
            <numerusform>%n Frage offen</numerusform>
            <numerusform>%n Fragen offen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow/ward_model.py" line="226"/>
        <source>, %n due for re-confirmation</source>
        <translation>
            <numerusform>, %n erneut zu bestätigen</numerusform>
            <numerusform>, %n erneut zu bestätigen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/ward_model.py" line="221"/>
        <location filename="../../ui/mainwindow/ward_model.py" line="232"/>
        <source>No longer assigned to you: kept here until your changes reach the server.</source>
        <translation>Ihnen nicht mehr zugeordnet: bleibt hier, bis Ihre Änderungen beim Server angekommen sind.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/ward_model.py" line="180"/>
        <source>Born (age)</source>
        <translation>Geboren (Alter)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/ward_model.py" line="186"/>
        <source>⚠ marks a patient with the same or a similar name as another; ≈ the same family name on the ward</source>
        <translation>⚠ kennzeichnet Patienten mit gleichem oder ähnlichem Namen wie ein anderer; ≈ gleicher Nachname auf der Station</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow/ward_model.py" line="209"/>
        <source>%n change(s) by colleagues since you last saw this patient</source>
        <translation>
            <numerusform>%n Änderung von Kollegen, seit Sie diesen Patienten zuletzt gesehen haben</numerusform>
            <numerusform>%n Änderungen von Kollegen, seit Sie diesen Patienten zuletzt gesehen haben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow/ward_model.py" line="235"/>
        <source>%n change(s) not yet sent</source>
        <translation>
            <numerusform>%n Änderung noch nicht gesendet</numerusform>
            <numerusform>%n Änderungen noch nicht gesendet</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/ward_model.py" line="261"/>
        <source>emergency access until %1</source>
        <translation>Notfallzugriff bis %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/ward_model.py" line="265"/>
        <source>not assigned</source>
        <translation>nicht zugeordnet</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow/ward_model.py" line="268"/>
        <source>%n new</source>
        <translation>
            <numerusform>%n neu</numerusform>
            <numerusform>%n neu</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow/ward_model.py" line="275"/>
        <source>born %1, age %2</source>
        <translation>geboren %1, Alter %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow/ward_model.py" line="282"/>
        <source>%n open</source>
        <translation>
            <numerusform>%n offen</numerusform>
            <numerusform>%n offen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mainwindow/ward_model.py" line="290"/>
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
        <location filename="../../ui/discharge/summary/document.py" line="641"/>
        <source>Discharge summary</source>
        <translation>Entlassbericht</translation>
    </message>
    <message>
        <location filename="../../ui/discharge/summary/document.py" line="649"/>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
</context>
</TS>
