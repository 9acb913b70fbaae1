<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>AttachmentsPane</name>
    <message>
        <source>Add files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop files here to attach them to the section.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added by {who} on {when}
SHA-256: {hash}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach files to the section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove {count} attachment(s) from this section?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This section was changed elsewhere since you opened it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {location} was created by a newer version of the program (schema {revision}). Update the program before opening it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regime file: &apos;{field}&apos; is missing or empty at {where}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regime file: the key &apos;{key}&apos; is used twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the file {name}: it is not a readable file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The section no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That attachment no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file of attachment &apos;{name}&apos; is missing from {location}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown legal regime &apos;{key}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The section title is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The section title is longer than {limit} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That revision does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The parent section belongs to another document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The section cannot move further.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{title}&apos; is required by the legal outline and cannot be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The area &apos;{value}&apos; is not a number of hectares.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount &apos;{value}&apos; is not a whole number of đồng.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project code &apos;{value}&apos; must be 1 to 32 letters, digits, dots, dashes or underscores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project name is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The area cannot be negative ({value} ha).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The total investment cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown legal regime &apos;{value}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The regime {value} does not apply to this kind of park.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The legal regime of an existing project cannot be changed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no project with the code &apos;{code}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A project with the code &apos;{code}&apos; already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the database {location}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database {location}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write to the attachment folder {location}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the file {name}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No demo text for project {code}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuidancePane</name>
    <message>
        <source>The guidance of the chosen section appears here: what the law expects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required by law</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A section you added yourself: the legal outline gives no guidance for it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Guidance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: {location}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a section in the navigator to start writing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{title}” was saved by {who} since you opened it. Your text has not been saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep yours as the newest revision (theirs stays in the history), or load theirs and drop yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision restored as a new revision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Park establishment dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without saving?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The section could not be saved. Close anyway and lose the unsaved typing?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Cannot open the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NavigatorModel</name>
    <message>
        <source>{written} of {total} required sections written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required by law</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not written yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <source>Edit project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High-tech park</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concentrated IT park</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not verified)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RevisionsPane</name>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore this revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256: {hash}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored from revision {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision {number} — {when}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search this project (with or without diacritics)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a project first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} section(s) found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SectionEditor</name>
    <message>
        <source>Choose a section in the navigator to start writing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formatting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo typing (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo typing (Ctrl+Y)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Italic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sub-heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbered list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows (with the header row):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StructureActions</name>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add sub-section…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename section…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add sub-section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title of the new section:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{title}” is required by the legal outline and cannot be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted “{title}”. Undo (Ctrl+Z) brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StructureCommands</name>
    <message>
        <source>Add section “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename section “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move section “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete section “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database has no project yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the Cần Thơ demo (the high-tech park CT-HTP and the concentrated IT park CT-ITP, with draft text), or create your own project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>New project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the Cần Thơ demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project {code} created with its documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the Cần Thơ demo data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data loaded: {created} project(s) created, {filled} section(s) filled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier workspace for establishing a high-tech park and a concentrated IT park: legal outlines, section drafting with full revision history, attachments and search.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
