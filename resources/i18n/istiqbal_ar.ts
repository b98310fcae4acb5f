<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar_TN">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About Istiqbal</source>
            <translation>حول استقبال</translation>
        </message>
        <message>
            <source>Version {version}</source>
            <translation>الإصدار {version}</translation>
        </message>
        <message>
            <source>Helps the citizen-reception unit of a public body meet, prove and improve the obligations of circular no. 8 of 19 March 2020 (phone reception) and circular no. 2 of 3 April 2020 (remote services).</source>
            <translation>يساعد وحدة استقبال المواطنين بالهيكل العمومي على الوفاء بالتزامات المنشور عدد 8 المؤرخ في 19 مارس 2020 (الاستقبال الهاتفي) والمنشور عدد 2 المؤرخ في 3 أفريل 2020 (الخدمات عن بعد) وإثباتها وتحسينها.</translation>
        </message>
        <message>
            <source>Database: {where}</source>
            <translation>قاعدة البيانات: {where}</translation>
        </message>
        <message>
            <source>Built with Qt for Python {version}.</source>
            <translation>مبني بواسطة Qt for Python {version}.</translation>
        </message>
    </context>
    <context>
        <name>AuditPage</name>
        <message>
            <source>Audit trail</source>
            <translation>سجل التتبع</translation>
        </message>
        <message>
            <source>Every change is recorded here and can be neither edited nor deleted (law 2004-63 on personal data).</source>
            <translation>يُسجَّل هنا كل تغيير ولا يمكن تعديله ولا حذفه (القانون عدد 63 لسنة 2004 المتعلق بالمعطيات الشخصية).</translation>
        </message>
        <message>
            <source>(all)</source>
            <translation>(الكل)</translation>
        </message>
        <message>
            <source>User</source>
            <translation>المستخدم</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>السجل</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>العملية</translation>
        </message>
        <message>
            <source>From</source>
            <translation>من</translation>
        </message>
        <message>
            <source>To</source>
            <translation>إلى</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>تحديث</translation>
        </message>
        <message>
            <source>Before:</source>
            <translation>قبل:</translation>
        </message>
        <message>
            <source>After:</source>
            <translation>بعد:</translation>
        </message>
    </context>
    <context>
        <name>AuditTableModel</name>
        <message>
            <source>When</source>
            <translation>التاريخ</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>من</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>العملية</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>السجل</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>المعرّف</translation>
        </message>
    </context>
    <context>
        <name>ChangePasswordDialog</name>
        <message>
            <source>Change password</source>
            <translation>تغيير كلمة العبور</translation>
        </message>
        <message>
            <source>You signed in with a one-time password: choose your own.</source>
            <translation>دخلت بكلمة عبور مؤقتة: اختر كلمة عبورك الخاصة.</translation>
        </message>
        <message>
            <source>at least {n} characters</source>
            <translation>{n} أحرف على الأقل</translation>
        </message>
        <message>
            <source>Current password</source>
            <translation>كلمة العبور الحالية</translation>
        </message>
        <message>
            <source>New password</source>
            <translation>كلمة العبور الجديدة</translation>
        </message>
        <message>
            <source>Repeat the new password</source>
            <translation>أعد كتابة كلمة العبور الجديدة</translation>
        </message>
        <message>
            <source>The two new passwords differ.</source>
            <translation>كلمتا العبور الجديدتان مختلفتان.</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <source>Welcome to Istiqbal</source>
            <translation>مرحبا بكم في استقبال</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>اللغة</translation>
        </message>
        <message>
            <source>Istiqbal keeps the obligations of circulars 8/2020 and 2/2020: phone lines, citizens' requests within 48 hours, training of reception agents and the periodic evaluation. A few questions and it is ready.</source>
            <translation>يتابع استقبال التزامات المنشورين 8/2020 و2/2020: الخطوط الهاتفية، والرد على مطالب المواطنين في أجل 48 ساعة، وتكوين أعوان الاستقبال، والتقييم الدوري. بضعة أسئلة ويصبح جاهزا.</translation>
        </message>
        <message>
            <source>Interface language</source>
            <translation>لغة الواجهة</translation>
        </message>
        <message>
            <source>Your public body</source>
            <translation>الهيكل العمومي</translation>
        </message>
        <message>
            <source>Printed on every report.</source>
            <translation>يُطبع على كل تقرير.</translation>
        </message>
        <message>
            <source>Name in Arabic</source>
            <translation>الاسم بالعربية</translation>
        </message>
        <message>
            <source>Name in French</source>
            <translation>الاسم بالفرنسية</translation>
        </message>
        <message>
            <source>E-mail address published for citizens (C2.1)</source>
            <translation>عنوان البريد الإلكتروني المنشور للمواطنين (C2.1)</translation>
        </message>
        <message>
            <source>The administrator</source>
            <translation>المشرف على النظام</translation>
        </message>
        <message>
            <source>This account manages users and settings. There is no other account yet.</source>
            <translation>يدير هذا الحساب المستخدمين والإعدادات. لا يوجد أي حساب آخر بعد.</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>اسم المستخدم</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>الاسم واللقب</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>كلمة العبور</translation>
        </message>
        <message>
            <source>Repeat the password</source>
            <translation>أعد كتابة كلمة العبور</translation>
        </message>
        <message>
            <source>at least {n} characters</source>
            <translation>{n} أحرف على الأقل</translation>
        </message>
        <message>
            <source>The two passwords differ.</source>
            <translation>كلمتا العبور مختلفتان.</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>Istiqbal — sign in</source>
            <translation>استقبال — الدخول</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>اسم المستخدم</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>كلمة العبور</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>دخول</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;File</source>
            <translation>&amp;ملف</translation>
        </message>
        <message>
            <source>Back up now</source>
            <translation>نسخة احتياطية الآن</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;خروج</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>الل&amp;غة</translation>
        </message>
        <message>
            <source>&amp;Account</source>
            <translation>ال&amp;حساب</translation>
        </message>
        <message>
            <source>Change my password…</source>
            <translation>تغيير كلمة العبور…</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>م&amp;ساعدة</translation>
        </message>
        <message>
            <source>About Istiqbal</source>
            <translation>حول استقبال</translation>
        </message>
        <message>
            <source>Signed in: {name} ({role})</source>
            <translation>المستخدم: {name} ({role})</translation>
        </message>
        <message>
            <source>Database: {where}</source>
            <translation>قاعدة البيانات: {where}</translation>
        </message>
        <message>
            <source>This page could not be opened.</source>
            <translation>تعذر فتح هذه الصفحة.</translation>
        </message>
        <message>
            <source>Backup written to {path}.</source>
            <translation>حُفظت النسخة الاحتياطية في {path}.</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>Settings</source>
            <translation>الإعدادات</translation>
        </message>
        <message>
            <source>These values apply to every PC that shares this database and to the command line.</source>
            <translation>تنطبق هذه القيم على كل حاسوب يتقاسم قاعدة البيانات هذه وعلى سطر الأوامر.</translation>
        </message>
        <message>
            <source>The public body</source>
            <translation>الهيكل العمومي</translation>
        </message>
        <message>
            <source>Name in Arabic</source>
            <translation>الاسم بالعربية</translation>
        </message>
        <message>
            <source>Name in French</source>
            <translation>الاسم بالفرنسية</translation>
        </message>
        <message>
            <source>Published e-mail address (C2.1)</source>
            <translation>البريد الإلكتروني المنشور (C2.1)</translation>
        </message>
        <message>
            <source>Default language</source>
            <translation>اللغة الافتراضية</translation>
        </message>
        <message>
            <source>Deadlines and checks</source>
            <translation>الآجال والمراقبة</translation>
        </message>
        <message>
            <source>Answer or notice within (hours, C2.1)</source>
            <translation>الرد أو الإعلام في أجل (ساعات، C2.1)</translation>
        </message>
        <message>
            <source>Warn before the deadline (hours)</source>
            <translation>التنبيه قبل انقضاء الأجل (ساعات)</translation>
        </message>
        <message>
            <source>Pick up within (seconds, C8.2)</source>
            <translation>الرد على المكالمة في أجل (ثوانٍ، C8.2)</translation>
        </message>
        <message>
            <source>Check every line every (days, C8.1)</source>
            <translation>مراقبة كل خط كل (أيام، C8.1)</translation>
        </message>
        <message>
            <source>Keep citizens' personal data (years)</source>
            <translation>مدة حفظ المعطيات الشخصية للمواطنين (سنوات)</translation>
        </message>
        <message>
            <source>Passwords of mailboxes</source>
            <translation>كلمات عبور صناديق البريد</translation>
        </message>
        <message>
            <source>System password store</source>
            <translation>مخزن كلمات العبور بالنظام</translation>
        </message>
        <message>
            <source>Secure: passwords are kept there, never in the database.</source>
            <translation>آمن: تُحفظ كلمات العبور فيه ولا تُحفظ أبدا في قاعدة البيانات.</translation>
        </message>
        <message>
            <source>Not secure: Istiqbal will not store any mailbox password on this PC.</source>
            <translation>غير آمن: لن يحفظ استقبال أي كلمة عبور لصندوق بريد على هذا الحاسوب.</translation>
        </message>
        <message>
            <source>Targets of the indicators (%)</source>
            <translation>القيم المستهدفة للمؤشرات (%)</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>حفظ</translation>
        </message>
        <message>
            <source>Only an administrator can change these settings.</source>
            <translation>وحده المشرف على النظام يمكنه تغيير هذه الإعدادات.</translation>
        </message>
        <message>
            <source>Settings saved.</source>
            <translation>حُفظت الإعدادات.</translation>
        </message>
    </context>
    <context>
        <name>UserDialog</name>
        <message>
            <source>New user</source>
            <translation>مستخدم جديد</translation>
        </message>
        <message>
            <source>Edit user</source>
            <translation>تعديل المستخدم</translation>
        </message>
        <message>
            <source>e.g. k.trabelsi</source>
            <translation>مثال: k.trabelsi</translation>
        </message>
        <message>
            <source>May sign in</source>
            <translation>مسموح له بالدخول</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>اسم المستخدم</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>الاسم واللقب</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>الدور</translation>
        </message>
    </context>
    <context>
        <name>UsersPage</name>
        <message>
            <source>Users</source>
            <translation>المستخدمون</translation>
        </message>
        <message>
            <source>Each person signs in with their own account; the role decides what they may change. There is no shared or default account.</source>
            <translation>يدخل كل شخص بحسابه الخاص، ويحدد دوره ما يمكنه تغييره. لا يوجد حساب مشترك ولا حساب افتراضي.</translation>
        </message>
        <message>
            <source>Add user…</source>
            <translation>إضافة مستخدم…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>تعديل…</translation>
        </message>
        <message>
            <source>New one-time password</source>
            <translation>كلمة عبور مؤقتة جديدة</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>اسم المستخدم</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>الاسم واللقب</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>الدور</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>الحالة</translation>
        </message>
        <message>
            <source>Last sign-in</source>
            <translation>آخر دخول</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>نشط</translation>
        </message>
        <message>
            <source>Disabled</source>
            <translation>معطّل</translation>
        </message>
        <message>
            <source>Must change password</source>
            <translation>يجب تغيير كلمة العبور</translation>
        </message>
        <message>
            <source>One-time password</source>
            <translation>كلمة عبور مؤقتة</translation>
        </message>
        <message>
            <source>The one-time password of {user} is:

{password}

It has been copied. Hand it over in person; it must be changed at the first sign-in.</source>
            <translation>كلمة العبور المؤقتة للمستخدم {user} هي:

{password}

تم نسخها. سلّمها إليه شخصيا، ويجب تغييرها عند أول دخول.</translation>
        </message>
    </context>
    <context>
        <name>auth</name>
        <message>
            <source>A password needs at least {n} characters.</source>
            <translation>يجب أن تتكون كلمة العبور من {n} أحرف على الأقل.</translation>
        </message>
        <message>
            <source>The user name “{name}” may only hold Latin letters, digits, dots, dashes and underscores (2 to 64).</source>
            <translation>اسم المستخدم «{name}» لا يقبل إلا الحروف اللاتينية والأرقام والنقاط والمطات والشرطات السفلية (من 2 إلى 64).</translation>
        </message>
        <message>
            <source>The user name “{name}” is taken.</source>
            <translation>اسم المستخدم «{name}» مستعمل.</translation>
        </message>
        <message>
            <source>An administrator already exists.</source>
            <translation>يوجد مشرف على النظام بعد.</translation>
        </message>
        <message>
            <source>Wrong user name or password.</source>
            <translation>اسم المستخدم أو كلمة العبور غير صحيحة.</translation>
        </message>
        <message>
            <source>Too many wrong tries: wait {n} seconds.</source>
            <translation>محاولات خاطئة كثيرة: انتظر {n} ثانية.</translation>
        </message>
        <message>
            <source>This user no longer exists.</source>
            <translation>هذا المستخدم لم يعد موجودا.</translation>
        </message>
        <message>
            <source>This user was changed by someone else meanwhile; reopen it.</source>
            <translation>غيّر شخص آخر هذا المستخدم في الأثناء؛ أعد فتحه.</translation>
        </message>
        <message>
            <source>You cannot remove your own administrator rights.</source>
            <translation>لا يمكنك سحب صلاحيات الإشراف من حسابك.</translation>
        </message>
        <message>
            <source>There must always be one active administrator.</source>
            <translation>يجب أن يبقى دائما مشرف نشط واحد على الأقل.</translation>
        </message>
        <message>
            <source>The current password is wrong.</source>
            <translation>كلمة العبور الحالية غير صحيحة.</translation>
        </message>
        <message>
            <source>The new password must differ from the old one.</source>
            <translation>يجب أن تختلف كلمة العبور الجديدة عن القديمة.</translation>
        </message>
    </context>
    <context>
        <name>cli</name>
        <message>
            <source>{file}, row {row}, column {column}: {message}</source>
            <translation>{file}، السطر {row}، العمود {column}: {message}</translation>
        </message>
        <message>
            <source>{file}, row {row}, column {column} (warning): {message}</source>
            <translation>{file}، السطر {row}، العمود {column} (تنبيه): {message}</translation>
        </message>
        <message>
            <source>Checked (nothing written): {n} new, {d} already present.</source>
            <translation>تمت المراجعة (لم يُكتب شيء): {n} جديد، {d} موجود سابقا.</translation>
        </message>
        <message>
            <source>Imported {n}, skipped {d} already present.</source>
            <translation>تم توريد {n}، وتُرك {d} موجود سابقا.</translation>
        </message>
        <message>
            <source>Demo data written to {where}.</source>
            <translation>كُتبت بيانات العرض في {where}.</translation>
        </message>
        <message>
            <source>One-time passwords (each user changes it at first sign-in):</source>
            <translation>كلمات العبور المؤقتة (يغيّرها كل مستخدم عند أول دخول):</translation>
        </message>
        <message>
            <source>The database {where} is damaged: {problem}</source>
            <translation>قاعدة البيانات {where} تالفة: {problem}</translation>
        </message>
        <message>
            <source>The database {where} is sound.</source>
            <translation>قاعدة البيانات {where} سليمة.</translation>
        </message>
        <message>
            <source>Backup written to {path}.</source>
            <translation>حُفظت النسخة الاحتياطية في {path}.</translation>
        </message>
        <message>
            <source>--size must look like 1366x768, not “{size}”.</source>
            <translation>يجب أن يكون ‎--size‎ على شكل 1366x768 وليس «{size}».</translation>
        </message>
    </context>
    <context>
        <name>credentials</name>
        <message>
            <source>This computer has no secure password store ({backend}); the password was not saved. Install a keyring (Windows Credential Manager, GNOME Keyring, KWallet).</source>
            <translation>لا يتوفر في هذا الحاسوب مخزن آمن لكلمات العبور ({backend})؛ لم تُحفظ كلمة العبور. ثبّت مخزنا آمنا (مدير بيانات الاعتماد في Windows أو GNOME Keyring أو KWallet).</translation>
        </message>
    </context>
    <context>
        <name>database</name>
        <message>
            <source>The database {where} is locked by another program; try again later.</source>
            <translation>قاعدة البيانات {where} مقفلة من قبل برنامج آخر؛ أعد المحاولة لاحقا.</translation>
        </message>
        <message>
            <source>The file {where} is damaged or is not an Istiqbal database; restore a backup.</source>
            <translation>الملف {where} تالف أو ليس قاعدة بيانات استقبال؛ استرجع نسخة احتياطية.</translation>
        </message>
        <message>
            <source>The database {where} cannot be written to.</source>
            <translation>لا يمكن الكتابة في قاعدة البيانات {where}.</translation>
        </message>
        <message>
            <source>The database {where} cannot be opened: {reason}</source>
            <translation>تعذر فتح قاعدة البيانات {where}: {reason}</translation>
        </message>
        <message>
            <source>The database file {where} is on a network share, where SQLite loses data; use a PostgreSQL server to share data between PCs (--db postgresql+psycopg://…).</source>
            <translation>ملف قاعدة البيانات {where} موجود على مجلد شبكي حيث يفقد SQLite البيانات؛ استعمل خادم PostgreSQL لتقاسم البيانات بين الحواسيب (‎--db postgresql+psycopg://…‎).</translation>
        </message>
        <message>
            <source>The database {where} was made by a newer version of Istiqbal ({rev}); install that version. Nothing was changed.</source>
            <translation>أُنشئت قاعدة البيانات {where} بإصدار أحدث من استقبال ({rev})؛ ثبّت ذلك الإصدار. لم يتغير أي شيء.</translation>
        </message>
        <message>
            <source>Upgrading {where} would break links between records; nothing changed.</source>
            <translation>تحديث {where} سيكسر الروابط بين السجلات؛ لم يتغير أي شيء.</translation>
        </message>
        <message>
            <source>Back up a PostgreSQL database with pg_dump; Istiqbal backs up SQLite files.</source>
            <translation>انسخ قاعدة بيانات PostgreSQL احتياطيا بواسطة pg_dump؛ يتولى استقبال نسخ ملفات SQLite.</translation>
        </message>
        <message>
            <source>The backup could not be written: {reason}</source>
            <translation>تعذرت كتابة النسخة الاحتياطية: {reason}</translation>
        </message>
    </context>
    <context>
        <name>demo</name>
        <message>
            <source>--years must be between 1 and 10.</source>
            <translation>يجب أن تكون قيمة ‎--years‎ بين 1 و10.</translation>
        </message>
        <message>
            <source>Demo data goes only into an empty database; this one has users.</source>
            <translation>لا توضع بيانات العرض إلا في قاعدة بيانات فارغة؛ هذه القاعدة تحتوي على مستخدمين.</translation>
        </message>
    </context>
    <context>
        <name>kpi</name>
        <message>
            <source>Requests received</source>
            <translation>المطالب الواردة</translation>
        </message>
        <message>
            <source>Requests whose deadline can be judged</source>
            <translation>المطالب القابلة للتقييم من حيث الأجل</translation>
        </message>
        <message>
            <source>Requests answered or noticed on time</source>
            <translation>المطالب التي تم الرد عليها أو الإعلام بشأنها في الأجل</translation>
        </message>
        <message>
            <source>Requests answered within the deadline (%)</source>
            <translation>المطالب المجاب عنها في الأجل (%)</translation>
        </message>
        <message>
            <source>Senders told the answer needs documents or coordination</source>
            <translation>مرسلون أُعلموا بأن الرد يتطلب وثائق أو تنسيقا</translation>
        </message>
        <message>
            <source>Median hours to first response</source>
            <translation>وسيط عدد الساعات حتى أول رد</translation>
        </message>
        <message>
            <source>Requests overdue and unanswered at period end</source>
            <translation>مطالب تجاوزت الأجل دون رد في نهاية الفترة</translation>
        </message>
        <message>
            <source>Requests closed</source>
            <translation>المطالب المغلقة</translation>
        </message>
        <message>
            <source>Complaints received</source>
            <translation>الشكايات الواردة</translation>
        </message>
        <message>
            <source>Requests from particular categories of users</source>
            <translation>مطالب الفئات الخاصة من المنتفعين</translation>
        </message>
        <message>
            <source>Phone lines in service</source>
            <translation>الخطوط الهاتفية المستغلة</translation>
        </message>
        <message>
            <source>Lines checked in the period (%)</source>
            <translation>الخطوط التي تمت مراقبتها خلال الفترة (%)</translation>
        </message>
        <message>
            <source>Lines working at their last check (%)</source>
            <translation>الخطوط الصالحة عند آخر مراقبة (%)</translation>
        </message>
        <message>
            <source>Lines published on the website (%)</source>
            <translation>الخطوط المنشورة على الموقع الإلكتروني (%)</translation>
        </message>
        <message>
            <source>Line faults reported</source>
            <translation>الأعطال المبلغ عنها</translation>
        </message>
        <message>
            <source>Faults still open at period end</source>
            <translation>أعطال غير مصلحة في نهاية الفترة</translation>
        </message>
        <message>
            <source>Mean hours to repair a fault</source>
            <translation>معدل ساعات إصلاح العطب</translation>
        </message>
        <message>
            <source>Calls evaluated</source>
            <translation>المكالمات المقيّمة</translation>
        </message>
        <message>
            <source>Calls picked up in time (%)</source>
            <translation>المكالمات المجاب عنها في الوقت (%)</translation>
        </message>
        <message>
            <source>Calls where the agent greeted first (%)</source>
            <translation>مكالمات بادر فيها العون بالتحية (%)</translation>
        </message>
        <message>
            <source>Calls where the agent named the body (%)</source>
            <translation>مكالمات ذكر فيها العون اسم الهيكل (%)</translation>
        </message>
        <message>
            <source>Mean call evaluation score</source>
            <translation>معدل عدد تقييم المكالمات</translation>
        </message>
        <message>
            <source>Inbound calls recorded by the PBX</source>
            <translation>المكالمات الواردة المسجلة بالمحول الهاتفي</translation>
        </message>
        <message>
            <source>Inbound calls answered (%)</source>
            <translation>المكالمات الواردة المجاب عنها (%)</translation>
        </message>
        <message>
            <source>Median seconds to answer</source>
            <translation>وسيط ثواني الرد</translation>
        </message>
        <message>
            <source>Peak hour of inbound calls</source>
            <translation>ساعة ذروة المكالمات الواردة</translation>
        </message>
        <message>
            <source>Training sessions held</source>
            <translation>الدورات التكوينية المنجزة</translation>
        </message>
        <message>
            <source>Training person-hours</source>
            <translation>ساعات التكوين للأعوان</translation>
        </message>
        <message>
            <source>Reception agents active</source>
            <translation>أعوان الاستقبال المباشرون</translation>
        </message>
        <message>
            <source>Agents trained in the period (%)</source>
            <translation>الأعوان المكوَّنون خلال الفترة (%)</translation>
        </message>
        <message>
            <source>Agents trained to serve particular categories of users (%)</source>
            <translation>الأعوان المكوَّنون في خدمة الفئات الخاصة (%)</translation>
        </message>
    </context>
    <context>
        <name>messages</name>
        <message>
            <source>Istiqbal</source>
            <translation>استقبال</translation>
        </message>
        <message>
            <source>Something went wrong inside Istiqbal. Nothing was saved.</source>
            <translation>حدث خلل داخل استقبال. لم يُحفظ أي شيء.</translation>
        </message>
    </context>
    <context>
        <name>pages</name>
        <message>
            <source>Settings</source>
            <translation>الإعدادات</translation>
        </message>
        <message>
            <source>Users</source>
            <translation>المستخدمون</translation>
        </message>
        <message>
            <source>Audit trail</source>
            <translation>سجل التتبع</translation>
        </message>
    </context>
    <context>
        <name>periods</name>
        <message>
            <source>“{text}” is not a period: write 2026-Q3, 2026-07, 2026 or 2026-07-01..2026-09-30.</source>
            <translation>«{text}» ليست فترة: اكتب 2026-Q3 أو 2026-07 أو 2026 أو 2026-07-01..2026-09-30.</translation>
        </message>
    </context>
    <context>
        <name>permissions</name>
        <message>
            <source>Your role ({role}) does not allow this action.</source>
            <translation>دورك ({role}) لا يسمح بهذه العملية.</translation>
        </message>
    </context>
    <context>
        <name>roles</name>
        <message>
            <source>Administrator</source>
            <translation>مشرف على النظام</translation>
        </message>
        <message>
            <source>Reception supervisor</source>
            <translation>مسؤول الاستقبال</translation>
        </message>
        <message>
            <source>Human resources</source>
            <translation>الموارد البشرية</translation>
        </message>
        <message>
            <source>Director</source>
            <translation>المدير</translation>
        </message>
        <message>
            <source>Reception agent</source>
            <translation>عون استقبال</translation>
        </message>
    </context>
    <context>
        <name>settings</name>
        <message>
            <source>“{value}” is not an e-mail address.</source>
            <translation>«{value}» ليس عنوان بريد إلكتروني.</translation>
        </message>
        <message>
            <source>The value “{value}” is not valid for {key}.</source>
            <translation>القيمة «{value}» غير صالحة للإعداد {key}.</translation>
        </message>
        <message>
            <source>{key} must be at least {minimum}.</source>
            <translation>يجب ألا تقل قيمة {key} عن {minimum}.</translation>
        </message>
        <message>
            <source>{key} must be at most {maximum}.</source>
            <translation>يجب ألا تتجاوز قيمة {key} {maximum}.</translation>
        </message>
        <message>
            <source>Unknown setting {key}.</source>
            <translation>إعداد غير معروف: {key}.</translation>
        </message>
    </context>
    <context>
        <name>tabular</name>
        <message>
            <source>{file} is in an encoding Istiqbal cannot read; save it as UTF-8 CSV.</source>
            <translation>الملف {file} بترميز لا يقرؤه استقبال؛ احفظه بصيغة CSV UTF-8.</translation>
        </message>
        <message>
            <source>{file} is not a readable CSV file (line {line}): {reason}</source>
            <translation>الملف {file} ليس ملف CSV مقروءا (السطر {line}): {reason}</translation>
        </message>
        <message>
            <source>{file} is not a readable Excel workbook (.xlsx).</source>
            <translation>الملف {file} ليس مصنف Excel مقروءا (‎.xlsx‎).</translation>
        </message>
        <message>
            <source>The file {file} does not exist.</source>
            <translation>الملف {file} غير موجود.</translation>
        </message>
        <message>
            <source>{file}: only .csv and .xlsx files can be imported.</source>
            <translation>{file}: لا يمكن توريد إلا ملفات ‎.csv‎ و‎.xlsx‎.</translation>
        </message>
        <message>
            <source>{file} cannot be read: is it open in another program?</source>
            <translation>تعذرت قراءة الملف {file}: هل هو مفتوح في برنامج آخر؟</translation>
        </message>
        <message>
            <source>{file}: no header row naming the columns {names} was found.</source>
            <translation>{file}: لم يُعثر على سطر عناوين يذكر الأعمدة {names}.</translation>
        </message>
    </context>
    <context>
        <name>workers</name>
        <message>
            <source>Cancel</source>
            <translation>إلغاء</translation>
        </message>
    </context>
</TS>
