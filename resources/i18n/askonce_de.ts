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
    <name>AskOnceBoard</name>
    <message>
        <location filename="../../ui/board.py" line="133"/>
        <source>Question summary</source>
        <translation>Fragenübersicht</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="135"/>
        <source>&amp;Show:</source>
        <translation>&amp;Anzeigen:</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="137"/>
        <source>All questions</source>
        <translation>Alle Fragen</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="138"/>
        <source>Still to ask or re-confirm</source>
        <translation>Noch zu fragen oder erneut zu bestätigen</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="139"/>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="140"/>
        <source>Show questions</source>
        <translation>Fragen anzeigen</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="192"/>
        <source>&lt;b&gt;%1 of %2&lt;/b&gt; answered · &lt;b&gt;%3&lt;/b&gt; to re-confirm · &lt;b&gt;%4&lt;/b&gt; not asked yet</source>
        <translation>&lt;b&gt;%1 von %2&lt;/b&gt; beantwortet · &lt;b&gt;%3&lt;/b&gt; erneut zu bestätigen · &lt;b&gt;%4&lt;/b&gt; noch nicht gefragt</translation>
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
        <location filename="../../ui/conflict_dialog.py" line="81"/>
        <source>Resolve a conflict</source>
        <translation>Konflikt lösen</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="86"/>
        <source>&lt;b&gt;%1 for %2&lt;/b&gt; was changed on this workstation and, meanwhile, by someone else. Choose which version is right.</source>
        <translation>&lt;b&gt;%1 für %2&lt;/b&gt; wurde auf diesem Arbeitsplatz und zwischenzeitlich auch von jemand anderem geändert. Wählen Sie, welche Version richtig ist.</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="96"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="96"/>
        <source>On this workstation</source>
        <translation>Auf diesem Arbeitsplatz</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="96"/>
        <source>On the server</source>
        <translation>Auf dem Server</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="98"/>
        <source>Differences</source>
        <translation>Unterschiede</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="115"/>
        <source>Server version by: %1</source>
        <translation>Server-Version von: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="122"/>
        <source>Keep &amp;mine</source>
        <translation>&amp;Meine behalten</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="125"/>
        <source>Keep the &amp;server&apos;s</source>
        <translation>&amp;Server-Version behalten</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="128"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="131"/>
        <source>Write the right answer yourself</source>
        <translation>Richtige Antwort selbst eingeben</translation>
    </message>
</context>
<context>
    <name>ConflictListDialog</name>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="158"/>
        <source>Conflicts to resolve</source>
        <translation>Zu lösende Konflikte</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="163"/>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="171"/>
        <source>No conflicts.</source>
        <translation>Keine Konflikte.</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="176"/>
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
        <location filename="../../ui/contacts_tab.py" line="164"/>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="165"/>
        <source>Add contact</source>
        <translation>Kontakt hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="166"/>
        <source>Add a person or agency (Insert in the list)</source>
        <translation>Person oder Einrichtung hinzufügen (Einfg in der Liste)</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="170"/>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="171"/>
        <source>Edit selected contact</source>
        <translation>Ausgewählten Kontakt bearbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="172"/>
        <source>Edit the selected contact (Enter or double-click)</source>
        <translation>Ausgewählten Kontakt bearbeiten (Eingabetaste oder Doppelklick)</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="176"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="177"/>
        <source>Remove selected contact</source>
        <translation>Ausgewählten Kontakt entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="178"/>
        <source>Remove the selected contact; it stays in the history (Delete in the list)</source>
        <translation>Ausgewählten Kontakt entfernen; er bleibt im Verlauf erhalten (Entf in der Liste)</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="181"/>
        <source>Show removed</source>
        <translation>Entfernte anzeigen</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="182"/>
        <source>Show removed contacts</source>
        <translation>Entfernte Kontakte anzeigen</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="183"/>
        <source>Also list contacts that were removed</source>
        <translation>Auch entfernte Kontakte auflisten</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="186"/>
        <source>No contacts recorded yet. Ask: “Who helps you at home, and whom should we call if needed?”</source>
        <translation>Noch keine Kontakte erfasst. Fragen Sie: „Wer hilft Ihnen zu Hause, und wen sollen wir im Bedarfsfall anrufen?“</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="191"/>
        <source>Home-care contacts</source>
        <translation>Kontakte für die häusliche Versorgung</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="234"/>
        <source>Remove “%1” from the contacts? The entry is kept in the history and can be listed again with “Show removed”.</source>
        <translation>„%1“ aus den Kontakten entfernen? Der Eintrag bleibt im Verlauf erhalten und kann mit „Entfernte anzeigen“ wieder aufgelistet werden.</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_tab.py" line="242"/>
        <source>Remove contact</source>
        <translation>Kontakt entfernen</translation>
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
        <location filename="../../ui/history_tab.py" line="102"/>
        <location filename="../../ui/history_tab.py" line="103"/>
        <source>Filter history</source>
        <translation>Verlauf filtern</translation>
    </message>
    <message>
        <location filename="../../ui/history_tab.py" line="104"/>
        <source>Show only lines containing this text</source>
        <translation>Nur Zeilen anzeigen, die diesen Text enthalten</translation>
    </message>
    <message>
        <location filename="../../ui/history_tab.py" line="109"/>
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
        <location filename="../../ui/history_tab.py" line="81"/>
        <source>confirmed</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <location filename="../../ui/history_tab.py" line="82"/>
        <source>entered in error</source>
        <translation>als Fehleintrag markiert</translation>
    </message>
    <message>
        <location filename="../../ui/history_tab.py" line="83"/>
        <source>stopped</source>
        <translation>abgesetzt</translation>
    </message>
    <message>
        <location filename="../../ui/history_tab.py" line="84"/>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="58"/>
        <source>AskOnce — DEMO</source>
        <translation>AskOnce — DEMO</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="58"/>
        <location filename="../../ui/main_window.py" line="491"/>
        <location filename="../../ui/main_window.py" line="495"/>
        <source>AskOnce</source>
        <translation>AskOnce</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="73"/>
        <source>DEMO — synthetic patients only · nothing is sent anywhere</source>
        <translation>DEMO — nur fiktive Patienten · es werden keine Daten gesendet</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="77"/>
        <source>Demo mode</source>
        <translation>Demo-Modus</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="83"/>
        <source>Loading the encrypted cache…</source>
        <translation>Verschlüsselter Cache wird geladen…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="97"/>
        <source>Sync status</source>
        <translation>Synchronisierungsstatus</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="99"/>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="100"/>
        <source>Open conflicts and refused changes</source>
        <translation>Konflikte und abgelehnte Änderungen öffnen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="112"/>
        <source>&lt;b&gt;My patients&lt;/b&gt;</source>
        <translation>&lt;b&gt;Meine Patienten&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="115"/>
        <source>Filter by bed, name or MRN</source>
        <translation>Nach Bett, Name oder PID filtern</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="116"/>
        <source>Filter ward list</source>
        <translation>Stationsliste filtern</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="126"/>
        <source>Ward list</source>
        <translation>Stationsliste</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="147"/>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="173"/>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="180"/>
        <source>Search patients, phone numbers, answers, medications… (Ctrl+F)</source>
        <translation>Patienten, Telefonnummern, Antworten, Medikamente suchen… (Strg+F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="182"/>
        <source>Search all patients</source>
        <translation>Alle Patienten durchsuchen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="198"/>
        <source>Signed-in user</source>
        <translation>Angemeldeter Benutzer</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="203"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="204"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="208"/>
        <source>&amp;Go</source>
        <translation>&amp;Navigation</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="209"/>
        <source>&amp;Search all patients</source>
        <translation>Alle Patienten &amp;durchsuchen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="212"/>
        <source>&amp;Ward list</source>
        <translation>&amp;Stationsliste</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="215"/>
        <source>&amp;Next patient</source>
        <translation>&amp;Nächster Patient</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="218"/>
        <source>&amp;Previous patient</source>
        <translation>&amp;Vorheriger Patient</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="221"/>
        <source>&amp;Reload from cache</source>
        <translation>Aus dem Cache neu &amp;laden</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="225"/>
        <source>&amp;Sync</source>
        <translation>A&amp;bgleich</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="226"/>
        <source>Sync &amp;now</source>
        <translation>&amp;Jetzt abgleichen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="230"/>
        <source>&amp;Stop syncing</source>
        <translation>Abgleich &amp;stoppen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="233"/>
        <source>&amp;Conflicts and refused changes…</source>
        <translation>&amp;Konflikte und abgelehnte Änderungen…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="237"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="238"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="241"/>
        <source>&amp;About AskOnce</source>
        <translation>Ü&amp;ber AskOnce</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="262"/>
        <source>Select a patient from the list, or search (Ctrl+F).</source>
        <translation>Wählen Sie einen Patienten aus der Liste aus oder suchen Sie (Strg+F).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="310"/>
        <source>Correct the answer on the Ask once tab; it is then sent.</source>
        <translation>Korrigieren Sie die Antwort auf der Registerkarte „Einmal fragen“; sie wird dann gesendet.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="315"/>
        <source>The local cache could not be opened.</source>
        <translation>Der lokale Cache konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="350"/>
        <source>My patients</source>
        <translation>Meine Patienten</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="354"/>
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n Patient</numerusform>
            <numerusform>%n Patienten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="361"/>
        <source>Demo: no server</source>
        <translation>Demo: kein Server</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="361"/>
        <source>Not connected to a server</source>
        <translation>Nicht mit einem Server verbunden</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="363"/>
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n Änderung wartet auf Versand</numerusform>
            <numerusform>%n Änderungen warten auf Versand</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="365"/>
        <source>no changes waiting</source>
        <translation>keine ausstehenden Änderungen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="404"/>
        <source>Saved on this workstation</source>
        <translation>Auf diesem Arbeitsplatz gespeichert</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="419"/>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="419"/>
        <source>The change could not be saved.</source>
        <translation>Die Änderung konnte nicht gespeichert werden.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="463"/>
        <source>%n patient(s) match “%1” — Esc returns to the ward list</source>
        <translation>
            <numerusform>%n Patient passt zu „%1“ — mit Esc zurück zur Stationsliste</numerusform>
            <numerusform>%n Patienten passen zu „%1“ — mit Esc zurück zur Stationsliste</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="466"/>
        <source>No patient matches “%1” — Esc returns to the ward list</source>
        <translation>Kein Patient passt zu „%1“ — mit Esc zurück zur Stationsliste</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="487"/>
        <source>Working…</source>
        <translation>Wird bearbeitet…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="497"/>
        <source>Something went wrong inside AskOnce. Your saved entries are safe. Please tell IT (the log file has the details, without patient data).</source>
        <translation>In AskOnce ist ein Fehler aufgetreten. Ihre gespeicherten Einträge sind sicher. Bitte informieren Sie die IT (die Protokolldatei enthält die Details, ohne Patientendaten).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="505"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="507"/>
        <source>Ctrl+F  search all patients
Ctrl+W  ward list
Ctrl+PgDown / Ctrl+PgUp  next / previous patient
Ctrl+1…4  Ask once, Medications, Home &amp; helpers, History
Tab / Shift+Tab  move between controls; Space or Enter to press
Esc  leave the search results
Ctrl+R  reload from the cache
Ctrl+Q  quit</source>
        <translation>Strg+F  alle Patienten durchsuchen
Strg+W  Stationsliste
Strg+Bild↓ / Strg+Bild↑  nächster / vorheriger Patient
Strg+1…4  Einmal fragen, Medikamente, Zuhause &amp; Helfer, Verlauf
Tab / Umschalt+Tab  zwischen Bedienelementen wechseln; Leertaste oder Eingabetaste zum Auslösen
Esc  Suchergebnisse verlassen
Strg+R  aus dem Cache neu laden
Strg+Q  beenden</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="521"/>
        <source>About AskOnce</source>
        <translation>Über AskOnce</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="522"/>
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
        <location filename="../../ui/medications_tab.py" line="140"/>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="141"/>
        <source>Add home medication</source>
        <translation>Hausmedikation hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="142"/>
        <source>Add a home medication (%1, or Insert in the list)</source>
        <translation>Hausmedikation hinzufügen (%1 oder Einfg in der Liste)</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="149"/>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="150"/>
        <source>Edit selected medication</source>
        <translation>Ausgewähltes Medikament bearbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="151"/>
        <source>Edit the selected medication (Enter or double-click)</source>
        <translation>Ausgewähltes Medikament bearbeiten (Eingabetaste oder Doppelklick)</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="155"/>
        <location filename="../../ui/medications_tab.py" line="212"/>
        <source>Mark stopped</source>
        <translation>Als abgesetzt markieren</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="156"/>
        <source>Mark selected medication as stopped</source>
        <translation>Ausgewähltes Medikament als abgesetzt markieren</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="157"/>
        <source>Mark the selected medication as stopped; it stays in the list, struck out</source>
        <translation>Ausgewähltes Medikament als abgesetzt markieren; es bleibt durchgestrichen in der Liste</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="162"/>
        <source>No home medications recorded yet. Ask: “Do you take any medicines, vitamins or herbal remedies at home?”</source>
        <translation>Noch keine Hausmedikation erfasst. Fragen Sie: „Nehmen Sie zu Hause Medikamente, Vitamine oder pflanzliche Mittel ein?“</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="167"/>
        <source>Home medications</source>
        <translation>Hausmedikation</translation>
    </message>
    <message>
        <location filename="../../ui/medications_tab.py" line="205"/>
        <source>Mark “%1” as stopped? It stays in the list, struck out, and the change is recorded.</source>
        <translation>„%1“ als abgesetzt markieren? Das Medikament bleibt durchgestrichen in der Liste, und die Änderung wird dokumentiert.</translation>
    </message>
</context>
<context>
    <name>PatientBanner</name>
    <message>
        <location filename="../../ui/patient_view.py" line="41"/>
        <source>Patient banner</source>
        <translation>Patientenkopfzeile</translation>
    </message>
    <message>
        <location filename="../../ui/patient_view.py" line="73"/>
        <source>Patient name: %1</source>
        <translation>Patientenname: %1</translation>
    </message>
    <message>
        <location filename="../../ui/patient_view.py" line="78"/>
        <source>born %1 (%2 y)</source>
        <translation>geb. %1 (%2 J.)</translation>
    </message>
    <message>
        <location filename="../../ui/patient_view.py" line="79"/>
        <source>MRN %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <location filename="../../ui/patient_view.py" line="80"/>
        <source>Bed %1</source>
        <translation>Bett %1</translation>
    </message>
    <message>
        <location filename="../../ui/patient_view.py" line="93"/>
        <source>allergy</source>
        <translation>Allergie</translation>
    </message>
    <message>
        <location filename="../../ui/patient_view.py" line="95"/>
        <source>intolerance</source>
        <translation>Unverträglichkeit</translation>
    </message>
    <message>
        <location filename="../../ui/patient_view.py" line="101"/>
        <source>Known %1: %2</source>
        <translation>Bekannte %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/patient_view.py" line="105"/>
        <source>No known allergies or intolerances recorded</source>
        <translation>Keine bekannten Allergien oder Unverträglichkeiten erfasst</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/patient_view.py" line="112"/>
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
        <location filename="../../ui/patient_view.py" line="138"/>
        <source>Patient tabs</source>
        <translation>Registerkarten des Patienten</translation>
    </message>
    <message>
        <location filename="../../ui/patient_view.py" line="143"/>
        <source>&amp;Ask once</source>
        <translation>&amp;Einmal fragen</translation>
    </message>
    <message>
        <location filename="../../ui/patient_view.py" line="144"/>
        <source>&amp;Medications</source>
        <translation>&amp;Medikamente</translation>
    </message>
    <message>
        <location filename="../../ui/patient_view.py" line="145"/>
        <source>H&amp;ome &amp;&amp; helpers</source>
        <translation>&amp;Zuhause &amp;&amp; Helfer</translation>
    </message>
    <message>
        <location filename="../../ui/patient_view.py" line="146"/>
        <source>Histor&amp;y</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <location filename="../../ui/patient_view.py" line="150"/>
        <source>Ctrl+%1</source>
        <translation>Strg+%1</translation>
    </message>
</context>
<context>
    <name>PhotoPlaceholder</name>
    <message>
        <location filename="../../ui/patient_view.py" line="25"/>
        <source>Patient photo (none on file)</source>
        <translation>Patientenfoto (keines hinterlegt)</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../ui/pin_dialog.py" line="25"/>
        <source>Set your offline PIN</source>
        <translation>Offline-PIN festlegen</translation>
    </message>
    <message>
        <location filename="../../ui/pin_dialog.py" line="25"/>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <location filename="../../ui/pin_dialog.py" line="29"/>
        <source>Choose a PIN of at least %1 characters. It protects your patients&apos; data on this workstation, also when the network is down.</source>
        <translation>Wählen Sie eine PIN mit mindestens %1 Zeichen. Sie schützt die Daten Ihrer Patienten auf diesem Arbeitsplatz, auch wenn das Netzwerk ausgefallen ist.</translation>
    </message>
    <message>
        <location filename="../../ui/pin_dialog.py" line="33"/>
        <source>Enter your offline PIN for %1.</source>
        <translation>Geben Sie Ihre Offline-PIN für %1 ein.</translation>
    </message>
    <message>
        <location filename="../../ui/pin_dialog.py" line="40"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/pin_dialog.py" line="41"/>
        <source>&amp;PIN:</source>
        <translation>&amp;PIN:</translation>
    </message>
    <message>
        <location filename="../../ui/pin_dialog.py" line="44"/>
        <source>Repeat PIN</source>
        <translation>PIN wiederholen</translation>
    </message>
    <message>
        <location filename="../../ui/pin_dialog.py" line="46"/>
        <source>&amp;Repeat:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <location filename="../../ui/pin_dialog.py" line="67"/>
        <source>At least %1 characters.</source>
        <translation>Mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../ui/pin_dialog.py" line="69"/>
        <source>The two entries differ.</source>
        <translation>Die beiden Eingaben stimmen nicht überein.</translation>
    </message>
    <message>
        <location filename="../../ui/pin_dialog.py" line="84"/>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
</context>
<context>
    <name>QuestionRow</name>
    <message>
        <location filename="../../ui/board.py" line="58"/>
        <source>%1 — %2, %3 (%4)</source>
        <translation>%1 — %2, %3 (%4)</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="66"/>
        <source>Last answer: %1</source>
        <translation>Letzte Antwort: %1</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="70"/>
        <source>not yet sent</source>
        <translation>noch nicht gesendet</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="76"/>
        <source>Valid: %1</source>
        <translation>Gültig: %1</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="82"/>
        <source>Record…</source>
        <translation>Erfassen…</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="82"/>
        <source>Record answer</source>
        <translation>Antwort erfassen</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="84"/>
        <location filename="../../ui/board.py" line="88"/>
        <source>Still true</source>
        <translation>Stimmt noch</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="84"/>
        <location filename="../../ui/board.py" line="88"/>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="85"/>
        <source>Changed…</source>
        <translation>Geändert…</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="85"/>
        <location filename="../../ui/board.py" line="87"/>
        <source>Correct answer</source>
        <translation>Antwort korrigieren</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="87"/>
        <source>Correct…</source>
        <translation>Korrigieren…</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="90"/>
        <source>Error…</source>
        <translation>Fehleintrag…</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="90"/>
        <source>Mark error</source>
        <translation>Als Fehleintrag markieren</translation>
    </message>
    <message>
        <location filename="../../ui/board.py" line="91"/>
        <source>Mark this answer as entered in error</source>
        <translation>Diese Antwort als Fehleintrag markieren</translation>
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
    <name>Source</name>
    <message>
        <location filename="../../ui/widgets.py" line="67"/>
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
    <name>SyncController</name>
    <message>
        <location filename="../../ui/sync_bridge.py" line="113"/>
        <source>Syncing…</source>
        <translation>Abgleich läuft…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_bridge.py" line="116"/>
        <source>sending</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location filename="../../ui/sync_bridge.py" line="117"/>
        <source>checking your patients</source>
        <translation>Prüfen Ihrer Patienten</translation>
    </message>
    <message>
        <location filename="../../ui/sync_bridge.py" line="118"/>
        <source>receiving</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <location filename="../../ui/sync_bridge.py" line="121"/>
        <source>Syncing: %1 (%2 of %3)</source>
        <translation>Abgleich: %1 (%2 von %3)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_bridge.py" line="176"/>
        <source>Offline since %1</source>
        <translation>Offline seit %1</translation>
    </message>
    <message>
        <location filename="../../ui/sync_bridge.py" line="181"/>
        <source>Last sync failed</source>
        <translation>Letzter Abgleich fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../ui/sync_bridge.py" line="183"/>
        <source>Up to date</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <location filename="../../ui/sync_bridge.py" line="185"/>
        <source>Not synced yet</source>
        <translation>Noch nicht abgeglichen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync_bridge.py" line="187"/>
        <source>%n conflict(s) to resolve — open</source>
        <translation>
            <numerusform>%n Konflikt zu lösen — öffnen</numerusform>
            <numerusform>%n Konflikte zu lösen — öffnen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync_bridge.py" line="189"/>
        <source>Server rejected %n change(s) — open</source>
        <translation>
            <numerusform>Server hat %n Änderung abgelehnt — öffnen</numerusform>
            <numerusform>Server hat %n Änderungen abgelehnt — öffnen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync_bridge.py" line="192"/>
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
        <location filename="../../ui/ward_model.py" line="94"/>
        <source>not assigned</source>
        <translation>nicht zugeordnet</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ward_model.py" line="100"/>
        <source>%n open</source>
        <translation>
            <numerusform>%n offen</numerusform>
            <numerusform>%n offen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ward_model.py" line="108"/>
        <source>%n not sent</source>
        <translation>
            <numerusform>%n nicht gesendet</numerusform>
            <numerusform>%n nicht gesendet</numerusform>
        </translation>
    </message>
</context>
</TS>
