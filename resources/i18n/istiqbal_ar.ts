<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar_TN">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About Istiqbal</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Version {version}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Helps the citizen-reception unit of a public body meet, prove and improve the obligations of circular no. 8 of 19 March 2020 (phone reception) and circular no. 2 of 3 April 2020 (remote services).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Database: {where}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Built with Qt for Python {version}.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AuditPage</name>
        <message>
            <source>Audit trail</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every change is recorded here and can be neither edited nor deleted (law 2004-63 on personal data).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(all)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>User</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Record</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Action</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>From</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>To</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Before:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>After:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AuditTableModel</name>
        <message>
            <source>When</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Who</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Action</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Record</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Id</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ChangePasswordDialog</name>
        <message>
            <source>Change password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>You signed in with a one-time password: choose your own.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>at least {n} characters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Current password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Repeat the new password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The two new passwords differ.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <source>Welcome to Istiqbal</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Istiqbal keeps the obligations of circulars 8/2020 and 2/2020: phone lines, citizens' requests within 48 hours, training of reception agents and the periodic evaluation. A few questions and it is ready.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Interface language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your public body</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Printed on every report.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name in Arabic</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name in French</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>E-mail address published for citizens (C2.1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The administrator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This account manages users and settings. There is no other account yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>User name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Full name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Repeat the password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>at least {n} characters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The two passwords differ.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>Istiqbal — sign in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>User name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sign in</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Back up now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Account</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change my password…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>About Istiqbal</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Signed in: {name} ({role})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Database: {where}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This page could not be opened.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Backup written to {path}.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>Settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>These values apply to every PC that shares this database and to the command line.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The public body</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name in Arabic</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name in French</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Published e-mail address (C2.1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Default language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deadlines and checks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Answer or notice within (hours, C2.1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Warn before the deadline (hours)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pick up within (seconds, C8.2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check every line every (days, C8.1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep citizens' personal data (years)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Targets of the indicators (%)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only an administrator can change these settings.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Settings saved.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>UserDialog</name>
        <message>
            <source>New user</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit user</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. k.trabelsi</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>May sign in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>User name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Full name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Role</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>UsersPage</name>
        <message>
            <source>Users</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Each person signs in with their own account; the role decides what they may change. There is no shared or default account.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add user…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New one-time password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>User name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Full name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Role</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last sign-in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Active</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Disabled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Must change password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One-time password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The one-time password of {user} is:

{password}

It has been copied. Hand it over in person; it must be changed at the first sign-in.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>auth</name>
        <message>
            <source>A password needs at least {n} characters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The user name “{name}” may only hold Latin letters, digits, dots, dashes and underscores (2 to 64).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The user name “{name}” is taken.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>An administrator already exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wrong user name or password.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Too many wrong tries: wait {n} seconds.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This user no longer exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This user was changed by someone else meanwhile; reopen it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>You cannot remove your own administrator rights.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There must always be one active administrator.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The current password is wrong.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The new password must differ from the old one.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cli</name>
        <message>
            <source>{file}, row {row}, column {column}: {message}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{file}, row {row}, column {column} (warning): {message}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checked (nothing written): {n} new, {d} already present.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Imported {n}, skipped {d} already present.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Demo data written to {where}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One-time passwords (each user changes it at first sign-in):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The database {where} is damaged: {problem}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The database {where} is sound.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Backup written to {path}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--size must look like 1366x768, not “{size}”.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>database</name>
        <message>
            <source>The database {where} is locked by another program; try again later.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The file {where} is damaged or is not an Istiqbal database; restore a backup.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The database {where} cannot be written to.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The database {where} cannot be opened: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The database file {where} is on a network share, where SQLite loses data; use a PostgreSQL server to share data between PCs (--db postgresql+psycopg://…).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The database {where} was made by a newer version of Istiqbal ({rev}); install that version. Nothing was changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upgrading {where} would break links between records; nothing changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Back up a PostgreSQL database with pg_dump; Istiqbal backs up SQLite files.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The backup could not be written: {reason}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>demo</name>
        <message>
            <source>--years must be between 1 and 10.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Demo data goes only into an empty database; this one has users.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>kpi</name>
        <message>
            <source>Requests received</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Requests whose deadline can be judged</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Requests answered or noticed on time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Requests answered within the deadline (%)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Senders told the answer needs documents or coordination</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Median hours to first response</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Requests overdue and unanswered at period end</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Requests closed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Complaints received</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Requests from particular categories of users</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Phone lines in service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lines checked in the period (%)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lines working at their last check (%)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lines published on the website (%)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Line faults reported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Faults still open at period end</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mean hours to repair a fault</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Calls evaluated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Calls picked up in time (%)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Calls where the agent greeted first (%)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Calls where the agent named the body (%)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mean call evaluation score</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Inbound calls recorded by the PBX</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Inbound calls answered (%)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Median seconds to answer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Peak hour of inbound calls</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Training sessions held</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Training person-hours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reception agents active</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Agents trained in the period (%)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Agents trained to serve particular categories of users (%)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>messages</name>
        <message>
            <source>Istiqbal</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Something went wrong inside Istiqbal. Nothing was saved.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>pages</name>
        <message>
            <source>Settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Users</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Audit trail</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>permissions</name>
        <message>
            <source>Your role ({role}) does not allow this action.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>roles</name>
        <message>
            <source>Administrator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reception supervisor</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Human resources</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Director</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reception agent</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>settings</name>
        <message>
            <source>The value “{value}” is not valid for {key}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{key} must be at least {minimum}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{key} must be at most {maximum}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown setting {key}.</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
