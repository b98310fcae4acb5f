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
        <name>CalendarDialog</name>
        <message>
            <source>Holidays and office hours</source>
            <translation>العطل الرسمية وتوقيت العمل</translation>
        </message>
        <message>
            <source>The working-hours deadline clock skips these holidays and counts only these office hours. Confirm or move the lunar holidays when they are officially announced, and enter the summer and Ramadan hours each year.</source>
            <translation>يستثني احتساب الآجال بساعات العمل هذه العطل ولا يحتسب إلا توقيت العمل هذا. أكّد الأعياد الهجرية أو غيّر تاريخها عند الإعلان الرسمي عنها، وأدخل توقيت الصيف وتوقيت رمضان كل سنة.</translation>
        </message>
        <message>
            <source>Public holidays</source>
            <translation>العطل الرسمية</translation>
        </message>
        <message>
            <source>Office hours</source>
            <translation>توقيت العمل</translation>
        </message>
        <message>
            <source>Only an administrator can change the calendar.</source>
            <translation>لا يمكن تغيير الرزنامة إلا للمشرف على النظام.</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>السنة</translation>
        </message>
        <message>
            <source>Fill the year from the official list</source>
            <translation>ملء السنة من القائمة الرسمية</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>اليوم</translation>
        </message>
        <message>
            <source>Weekday</source>
            <translation>يوم الأسبوع</translation>
        </message>
        <message>
            <source>Holiday</source>
            <translation>العطلة</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>الحالة</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>إضافة…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>تعديل…</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>حذف</translation>
        </message>
        <message>
            <source>Confirm the date</source>
            <translation>تأكيد التاريخ</translation>
        </message>
        <message>
            <source>Mark the selected estimated holiday as officially announced.</source>
            <translation>اعتبار العطلة التقديرية المختارة معلنة رسميًا.</translation>
        </message>
        <message>
            <source>Estimated</source>
            <translation>تقديري</translation>
        </message>
        <message>
            <source>Confirmed</source>
            <translation>مؤكَّد</translation>
        </message>
        <message>
            <source>No public holiday is recorded for {year}: use “Fill the year from the official list”, then check the lunar dates.</source>
            <translation>لا توجد أي عطلة رسمية مسجلة لسنة {year}: استعمل «ملء السنة من القائمة الرسمية» ثم راجع تواريخ الأعياد الهجرية.</translation>
        </message>
        <message>
            <source>{count} date(s) are still estimated: confirm or move each one once the official announcement is made.</source>
            <translation>لا يزال عدد {count} من التواريخ تقديريًا: أكّد كل تاريخ أو غيّره بعد الإعلان الرسمي.</translation>
        </message>
        <message>
            <source>Every date of {year} is confirmed.</source>
            <translation>كل تواريخ سنة {year} مؤكَّدة.</translation>
        </message>
        <message>
            <source>Delete the holiday of {day} ({name})? Deadlines will count it as a working day.</source>
            <translation>حذف عطلة يوم {day} ({name})؟ سيُحتسب هذا اليوم يوم عمل في الآجال.</translation>
        </message>
        <message>
            <source>{year} was already filled; the corrections made since are kept.</source>
            <translation>سبق ملء سنة {year}؛ وقع الإبقاء على التصحيحات المدخلة منذ ذلك الحين.</translation>
        </message>
        <message>
            <source>When periods overlap, the shorter one applies: Ramadan and summer hours replace the usual hours on their dates.</source>
            <translation>عند تداخل الفترات تُطبَّق الأقصر منها: يحلّ توقيت رمضان وتوقيت الصيف محلّ التوقيت العادي في تواريخهما.</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>الاسم</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>النوع</translation>
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
            <source>Sessions</source>
            <translation>الحصص</translation>
        </message>
        <message>
            <source>Double session</source>
            <translation>نظام الحصتين</translation>
        </message>
        <message>
            <source>Summer {year}</source>
            <translation>صيف {year}</translation>
        </message>
        <message>
            <source>Ramadan {year}</source>
            <translation>رمضان {year}</translation>
        </message>
        <message>
            <source>Closed every day</source>
            <translation>مغلق كل الأيام</translation>
        </message>
        <message>
            <source>{opens}–{closes}</source>
            <translation>من {opens} إلى {closes}</translation>
        </message>
        <message>
            <source>{first} and {second}</source>
            <translation>{first}، و{second}</translation>
        </message>
        <message>
            <source>{first} to {last}</source>
            <translation>من {first} إلى {last}</translation>
        </message>
        <message>
            <source>{days}: {hours}</source>
            <translation>{days}: {hours}</translation>
        </message>
        <message>
            <source>always</source>
            <translation>دائمًا</translation>
        </message>
        <message>
            <source>Saved. The deadlines of the requests concerned have been recomputed.</source>
            <translation>تم الحفظ. أُعيد احتساب آجال المطالب المعنية.</translation>
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
        <name>HolidayEditor</name>
        <message>
            <source>Edit holiday</source>
            <translation>تعديل العطلة</translation>
        </message>
        <message>
            <source>Add a holiday</source>
            <translation>إضافة عطلة</translation>
        </message>
        <message>
            <source>Estimated date (not yet officially announced)</source>
            <translation>تاريخ تقديري (لم يُعلَن رسميًا بعد)</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>اليوم</translation>
        </message>
        <message>
            <source>Name in Arabic</source>
            <translation>الاسم بالعربية</translation>
        </message>
        <message>
            <source>Name in French</source>
            <translation>الاسم بالفرنسية</translation>
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
        <name>NewRequestDialog</name>
        <message>
            <source>New request</source>
            <translation>مطلب جديد</translation>
        </message>
        <message>
            <source>e-mail or telephone</source>
            <translation>بريد إلكتروني أو هاتف</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(لا شيء)</translation>
        </message>
        <message>
            <source>(not assigned)</source>
            <translation>(غير مسند)</translation>
        </message>
        <message>
            <source>Received at</source>
            <translation>تاريخ الورود</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>القناة</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>النوع</translation>
        </message>
        <message>
            <source>Citizen</source>
            <translation>المواطن</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>الاتصال</translation>
        </message>
        <message>
            <source>Particular category (C8.6)</source>
            <translation>فئة خصوصية (C8.6)</translation>
        </message>
        <message>
            <source>Assigned to</source>
            <translation>مسند إلى</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>الموضوع</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>النص</translation>
        </message>
    </context>
    <context>
        <name>RequestDialog</name>
        <message>
            <source>Timeline</source>
            <translation>المسار</translation>
        </message>
        <message>
            <source>When</source>
            <translation>التاريخ</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>المرحلة</translation>
        </message>
        <message>
            <source>By</source>
            <translation>بواسطة</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>النص</translation>
        </message>
        <message>
            <source>Answer</source>
            <translation>رد</translation>
        </message>
        <message>
            <source>Notice: needs documents or coordination</source>
            <translation>إعلام: يتطلب وثائق أو تنسيقا</translation>
        </message>
        <message>
            <source>The answer given, or the documents needed / the body to coordinate with</source>
            <translation>الرد المقدم، أو الوثائق المطلوبة / الهيكل الذي يجب التنسيق معه</translation>
        </message>
        <message>
            <source>(not assigned)</source>
            <translation>(غير مسند)</translation>
        </message>
        <message>
            <source>Assign</source>
            <translation>إسناد</translation>
        </message>
        <message>
            <source>Record the response</source>
            <translation>تسجيل الرد</translation>
        </message>
        <message>
            <source>Close the request</source>
            <translation>غلق المطلب</translation>
        </message>
        <message>
            <source>Reopen</source>
            <translation>إعادة الفتح</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>إنهاء</translation>
        </message>
        <message>
            <source>Request {ref}</source>
            <translation>المطلب {ref}</translation>
        </message>
        <message>
            <source>(restricted)</source>
            <translation>(محجوب)</translation>
        </message>
        <message>
            <source>{state} — deadline {when}</source>
            <translation>{state} — الأجل {when}</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>المرجع</translation>
        </message>
        <message>
            <source>Received at</source>
            <translation>تاريخ الورود</translation>
        </message>
        <message>
            <source>Channel / type</source>
            <translation>القناة / النوع</translation>
        </message>
        <message>
            <source>Citizen</source>
            <translation>المواطن</translation>
        </message>
        <message>
            <source>Particular category (C8.6)</source>
            <translation>فئة خصوصية (C8.6)</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>الموضوع</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>الحالة</translation>
        </message>
        <message>
            <source>Deadline (C2.1)</source>
            <translation>الأجل (C2.1)</translation>
        </message>
        <message>
            <source>Assigned to</source>
            <translation>مسند إلى</translation>
        </message>
        <message>
            <source>Recorded on {when}</source>
            <translation>سجل يوم {when}</translation>
        </message>
        <message>
            <source>Why is it reopened?</source>
            <translation>لماذا أعيد فتحه؟</translation>
        </message>
    </context>
    <context>
        <name>RequestsImportDialog</name>
        <message>
            <source>Import a requests register</source>
            <translation>توريد سجل المطالب</translation>
        </message>
        <message>
            <source>Reading {file}…</source>
            <translation>قراءة {file}…</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>السطر</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>تاريخ الورود</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>القناة</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>النوع</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>الموضوع</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>الإشكال</translation>
        </message>
        <message>
            <source>Import the valid rows and leave out the others</source>
            <translation>توريد الأسطر الصحيحة وترك البقية</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>توريد</translation>
        </message>
        <message>
            <source>Reading the register…</source>
            <translation>قراءة السجل…</translation>
        </message>
        <message>
            <source>Column {column}: {message}</source>
            <translation>العمود {column}: {message}</translation>
        </message>
        <message>
            <source>{file}: {valid} rows ready to import, {invalid} rows with a problem, {warnings} warnings. Rows already in the register will be skipped.</source>
            <translation>{file}: {valid} سطرا جاهزا للتوريد، {invalid} سطرا به إشكال، {warnings} تنبيها. الأسطر الموجودة مسبقا في السجل لن تورد.</translation>
        </message>
        <message>
            <source>Importing the register…</source>
            <translation>توريد السجل…</translation>
        </message>
    </context>
    <context>
        <name>RequestsPage</name>
        <message>
            <source>Citizen requests</source>
            <translation>مطالب المواطنين</translation>
        </message>
        <message>
            <source>Answer every request, or tell the sender what the answer needs, in time. {clock}</source>
            <translation>الرد على كل مطلب، أو إعلام المرسل بما يتطلبه الرد، في الآجال. {clock}</translation>
        </message>
        <message>
            <source>Search subject, text, citizen…</source>
            <translation>بحث في الموضوع والنص والمواطن…</translation>
        </message>
        <message>
            <source>Search the subject…</source>
            <translation>بحث في الموضوع…</translation>
        </message>
        <message>
            <source>All deadlines</source>
            <translation>كل الآجال</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>كل الحالات</translation>
        </message>
        <message>
            <source>All channels</source>
            <translation>كل القنوات</translation>
        </message>
        <message>
            <source>All types</source>
            <translation>كل الأنواع</translation>
        </message>
        <message>
            <source>All users</source>
            <translation>كل المتعاملين</translation>
        </message>
        <message>
            <source>All agents</source>
            <translation>كل الأعوان</translation>
        </message>
        <message>
            <source>Not assigned</source>
            <translation>غير مسند</translation>
        </message>
        <message>
            <source>Any date</source>
            <translation>كل التواريخ</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>اليوم</translation>
        </message>
        <message>
            <source>Last 7 days</source>
            <translation>آخر 7 أيام</translation>
        </message>
        <message>
            <source>This month</source>
            <translation>هذا الشهر</translation>
        </message>
        <message>
            <source>Between…</source>
            <translation>بين…</translation>
        </message>
        <message>
            <source>New request…</source>
            <translation>مطلب جديد…</translation>
        </message>
        <message>
            <source>Import a register…</source>
            <translation>توريد سجل…</translation>
        </message>
        <message>
            <source>Personal data</source>
            <translation>المعطيات الشخصية</translation>
        </message>
        <message>
            <source>Export one citizen's data…</source>
            <translation>تصدير معطيات مواطن…</translation>
        </message>
        <message>
            <source>Remove expired personal data…</source>
            <translation>حذف المعطيات الشخصية المنتهية…</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>تحيين</translation>
        </message>
        <message>
            <source>Waiting for a response</source>
            <translation>في انتظار الرد</translation>
        </message>
        <message>
            <source>Overdue: {n}</source>
            <translation>تجاوز الأجل: {n}</translation>
        </message>
        <message>
            <source>Due soon: {n}</source>
            <translation>أجل قريب: {n}</translation>
        </message>
        <message>
            <source>Waiting for a response: {n}</source>
            <translation>في انتظار الرد: {n}</translation>
        </message>
        <message>
            <source>{n} requests match.</source>
            <translation>{n} مطلبا مطابقا.</translation>
        </message>
        <message>
            <source>Import a requests register</source>
            <translation>توريد سجل المطالب</translation>
        </message>
        <message>
            <source>Registers (*.xlsx *.csv)</source>
            <translation>السجلات (*.xlsx *.csv)</translation>
        </message>
        <message>
            <source>Imported {n}, skipped {d} already present.</source>
            <translation>تم توريد {n}، وترك {d} موجودة مسبقا.</translation>
        </message>
        <message>
            <source>Export one citizen's data</source>
            <translation>تصدير معطيات مواطن</translation>
        </message>
        <message>
            <source>Citizen's name, e-mail or telephone:</source>
            <translation>اسم المواطن أو بريده الإلكتروني أو هاتفه:</translation>
        </message>
        <message>
            <source>Nothing is held about “{query}”.</source>
            <translation>لا توجد أي معطيات تخص «{query}».</translation>
        </message>
        <message>
            <source>Save the citizen's data</source>
            <translation>حفظ معطيات المواطن</translation>
        </message>
        <message>
            <source>Workbook (*.xlsx)</source>
            <translation>مصنف (*.xlsx)</translation>
        </message>
        <message>
            <source>{n} requests written to {path}.</source>
            <translation>تم حفظ {n} مطلبا في {path}.</translation>
        </message>
        <message>
            <source>No request was closed before {date}: nothing to remove.</source>
            <translation>لم يغلق أي مطلب قبل {date}: لا شيء للحذف.</translation>
        </message>
        <message>
            <source>Remove expired personal data</source>
            <translation>حذف المعطيات الشخصية المنتهية</translation>
        </message>
        <message>
            <source>{n} requests were closed before {date}, beyond the retention period. Their citizens' names, contacts, texts and timeline notes will be removed for good; references, dates and subjects stay for the statistics. First ones: {refs}. Remove them now?</source>
            <translation>{n} مطلبا أغلقت قبل {date}، بعد انقضاء مدة الحفظ. ستحذف نهائيا أسماء المواطنين واتصالاتهم ونصوصهم وملاحظات المسار؛ وتبقى المراجع والتواريخ والمواضيع للإحصائيات. أولها: {refs}. هل تريد الحذف الآن؟</translation>
        </message>
        <message>
            <source>Personal data removed from {n} requests; the removal is recorded.</source>
            <translation>حذفت المعطيات الشخصية من {n} مطلبا؛ وتم تسجيل عملية الحذف.</translation>
        </message>
        <message>
            <source>{n} requests are due within the warning window: {refs}</source>
            <translation>{n} مطالب يقترب أجلها: {refs}</translation>
        </message>
        <message>
            <source>Requests due soon</source>
            <translation>مطالب أجلها قريب</translation>
        </message>
    </context>
    <context>
        <name>RequestsTableModel</name>
        <message>
            <source>Reference</source>
            <translation>المرجع</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>تاريخ الورود</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>القناة</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>النوع</translation>
        </message>
        <message>
            <source>Citizen</source>
            <translation>المواطن</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>الموضوع</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>العون</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>الحالة</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>الأجل</translation>
        </message>
        <message>
            <source>Overdue by {time}</source>
            <translation>متأخر بـ{time}</translation>
        </message>
        <message>
            <source>Due soon: {time} left</source>
            <translation>أجل قريب: بقي {time}</translation>
        </message>
        <message>
            <source>On time: {time} left</source>
            <translation>في الآجال: بقي {time}</translation>
        </message>
        <message>
            <source>{days} d {hours} h</source>
            <translation>{days} ي {hours} س</translation>
        </message>
        <message>
            <source>{hours} h</source>
            <translation>{hours} س</translation>
        </message>
        <message>
            <source>{minutes} min</source>
            <translation>{minutes} دق</translation>
        </message>
        <message>
            <source>(restricted)</source>
            <translation>(محجوب)</translation>
        </message>
        <message>
            <source>Deadline: {when}</source>
            <translation>الأجل: {when}</translation>
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
            <source>Calendar hours (as the circular says)</source>
            <translation>ساعات متتالية (كما ينص المنشور)</translation>
        </message>
        <message>
            <source>Working hours (skip nights, weekends, holidays)</source>
            <translation>ساعات العمل (دون الليالي والعطل الأسبوعية والأعياد)</translation>
        </message>
        <message>
            <source>Deadline clock</source>
            <translation>طريقة احتساب الأجل</translation>
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
            <source>Holidays and office hours…</source>
            <translation>العطل الرسمية وتوقيت العمل…</translation>
        </message>
        <message>
            <source>The public holidays and office hours that the working-hours clock skips or counts.</source>
            <translation>العطل الرسمية التي يستثنيها احتساب الآجال بساعات العمل، وتوقيت العمل الذي يحتسبه.</translation>
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
        <name>TimetableEditor</name>
        <message>
            <source>Usual hours</source>
            <translation>التوقيت العادي</translation>
        </message>
        <message>
            <source>Summer single session</source>
            <translation>نظام الحصة الواحدة الصيفي</translation>
        </message>
        <message>
            <source>Ramadan</source>
            <translation>رمضان</translation>
        </message>
        <message>
            <source>Other period</source>
            <translation>فترة أخرى</translation>
        </message>
        <message>
            <source>Edit office hours</source>
            <translation>تعديل توقيت العمل</translation>
        </message>
        <message>
            <source>Add office hours</source>
            <translation>إضافة توقيت عمل</translation>
        </message>
        <message>
            <source>Applies only between these dates</source>
            <translation>لا يُطبَّق إلا بين هذين التاريخين</translation>
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
            <source>Dates estimated (not yet officially announced)</source>
            <translation>تواريخ تقديرية (لم تُعلَن رسميًا بعد)</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>النوع</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>الاسم</translation>
        </message>
        <message>
            <source>Sessions (a day without any session is a day off)</source>
            <translation>الحصص (اليوم الذي لا حصة فيه يوم راحة)</translation>
        </message>
        <message>
            <source>Morning</source>
            <translation>صباحًا</translation>
        </message>
        <message>
            <source>Afternoon</source>
            <translation>مساءً</translation>
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
        <name>deadlines</name>
        <message>
            <source>The office timetable has no opening hours for two years; correct the timetables.</source>
            <translation>لا يتضمن توقيت العمل أي ساعات فتح لمدة سنتين؛ صحّح التوقيت.</translation>
        </message>
        <message>
            <source>Deadline: {hours} working hours after receipt, counted in office hours only (nights, weekends and public holidays excluded).</source>
            <translation>الأجل: {hours} ساعة عمل من تاريخ الورود، تحتسب خلال توقيت العمل فقط (دون الليل وعطل نهاية الأسبوع والأعياد).</translation>
        </message>
        <message>
            <source>Deadline: {hours} calendar hours after receipt (circular C2.1).</source>
            <translation>الأجل: {hours} ساعة من تاريخ الورود (المنشور C2.1).</translation>
        </message>
        <message>
            <source>On time</source>
            <translation>في الآجال</translation>
        </message>
        <message>
            <source>Due soon</source>
            <translation>الأجل قريب</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>تجاوز الأجل</translation>
        </message>
        <message>
            <source>Answered in time</source>
            <translation>رد في الآجال</translation>
        </message>
        <message>
            <source>Answered late</source>
            <translation>رد متأخر</translation>
        </message>
        <message>
            <source>Give the holiday a name.</source>
            <translation>أدخل اسم العطلة.</translation>
        </message>
        <message>
            <source>{day} is already a holiday ({name}).</source>
            <translation>{day} يوم عطلة مسبقا ({name}).</translation>
        </message>
        <message>
            <source>This holiday was changed meanwhile; reopen the list.</source>
            <translation>تم تغيير هذه العطلة في الأثناء؛ أعد فتح القائمة.</translation>
        </message>
        <message>
            <source>The period ends before it starts.</source>
            <translation>تنتهي الفترة قبل أن تبدأ.</translation>
        </message>
        <message>
            <source>A session closes at {closes}, before it opens.</source>
            <translation>تنتهي حصة على الساعة {closes} قبل بدايتها.</translation>
        </message>
        <message>
            <source>This timetable was changed meanwhile; reopen the list.</source>
            <translation>تم تغيير هذا التوقيت في الأثناء؛ أعد فتح القائمة.</translation>
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
        <message>
            <source>Requests</source>
            <translation>المطالب</translation>
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
        <name>requests</name>
        <message>
            <source>E-mail</source>
            <translation>بريد إلكتروني</translation>
        </message>
        <message>
            <source>Telephone</source>
            <translation>هاتف</translation>
        </message>
        <message>
            <source>Web portal</source>
            <translation>البوابة الإلكترونية</translation>
        </message>
        <message>
            <source>Fax</source>
            <translation>فاكس</translation>
        </message>
        <message>
            <source>Letter</source>
            <translation>مراسلة</translation>
        </message>
        <message>
            <source>In person</source>
            <translation>حضوري</translation>
        </message>
        <message>
            <source>Social networks</source>
            <translation>شبكات التواصل</translation>
        </message>
        <message>
            <source>Request</source>
            <translation>طلب</translation>
        </message>
        <message>
            <source>Complaint</source>
            <translation>شكاية</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>إبلاغ</translation>
        </message>
        <message>
            <source>Inquiry</source>
            <translation>استفسار</translation>
        </message>
        <message>
            <source>Suggestion</source>
            <translation>اقتراح</translation>
        </message>
        <message>
            <source>Person with a disability</source>
            <translation>حامل إعاقة</translation>
        </message>
        <message>
            <source>Elderly person</source>
            <translation>مسن</translation>
        </message>
        <message>
            <source>Other particular category</source>
            <translation>فئة خصوصية أخرى</translation>
        </message>
        <message>
            <source>New</source>
            <translation>جديد</translation>
        </message>
        <message>
            <source>Assigned</source>
            <translation>مسند</translation>
        </message>
        <message>
            <source>Notice sent</source>
            <translation>تم الإعلام</translation>
        </message>
        <message>
            <source>Answered</source>
            <translation>تمت الإجابة</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>مغلق</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>ورود</translation>
        </message>
        <message>
            <source>Imported from the register</source>
            <translation>مستورد من السجل</translation>
        </message>
        <message>
            <source>Notice to the sender</source>
            <translation>إعلام المرسل</translation>
        </message>
        <message>
            <source>Answer</source>
            <translation>رد</translation>
        </message>
        <message>
            <source>Reopened</source>
            <translation>أعيد فتحه</translation>
        </message>
        <message>
            <source>Personal data removed</source>
            <translation>حذف المعطيات الشخصية</translation>
        </message>
        <message>
            <source>“{text}” is not a valid e-mail address.</source>
            <translation>«{text}» ليس عنوان بريد إلكتروني صحيحا.</translation>
        </message>
        <message>
            <source>“{text}” is neither an e-mail address nor a telephone number.</source>
            <translation>«{text}» ليس عنوان بريد إلكتروني ولا رقم هاتف.</translation>
        </message>
        <message>
            <source>“{value}” is not a valid {what}.</source>
            <translation>«{value}» ليست قيمة صحيحة لـ{what}.</translation>
        </message>
        <message>
            <source>This request no longer exists.</source>
            <translation>هذا المطلب لم يعد موجودا.</translation>
        </message>
        <message>
            <source>Request {ref} was changed by someone else meanwhile; reopen it.</source>
            <translation>غيّر مستعمل آخر المطلب {ref} في الأثناء؛ أعد فتحه.</translation>
        </message>
        <message>
            <source>A step cannot be dated in the future.</source>
            <translation>لا يمكن تأريخ مرحلة في المستقبل.</translation>
        </message>
        <message>
            <source>A step cannot be dated before the request arrived.</source>
            <translation>لا يمكن تأريخ مرحلة قبل ورود المطلب.</translation>
        </message>
        <message>
            <source>This agent no longer exists.</source>
            <translation>هذا العون لم يعد موجودا.</translation>
        </message>
        <message>
            <source>channel</source>
            <translation>القناة</translation>
        </message>
        <message>
            <source>type</source>
            <translation>النوع</translation>
        </message>
        <message>
            <source>category</source>
            <translation>الفئة</translation>
        </message>
        <message>
            <source>Write the subject of the request.</source>
            <translation>اكتب موضوع المطلب.</translation>
        </message>
        <message>
            <source>kind of response</source>
            <translation>نوع الرد</translation>
        </message>
        <message>
            <source>Name the documents needed or the body to coordinate with.</source>
            <translation>اذكر الوثائق المطلوبة أو الهيكل الذي يجب التنسيق معه.</translation>
        </message>
        <message>
            <source>Write the answer given to the citizen.</source>
            <translation>اكتب الرد المقدم إلى المواطن.</translation>
        </message>
        <message>
            <source>Request {ref} is closed; reopen it first.</source>
            <translation>المطلب {ref} مغلق؛ أعد فتحه أولا.</translation>
        </message>
        <message>
            <source>Request {ref} is already closed.</source>
            <translation>المطلب {ref} مغلق مسبقا.</translation>
        </message>
        <message>
            <source>Record the answer given before closing request {ref}.</source>
            <translation>سجّل الرد المقدم قبل غلق المطلب {ref}.</translation>
        </message>
        <message>
            <source>Say why the request is reopened.</source>
            <translation>اذكر سبب إعادة فتح المطلب.</translation>
        </message>
        <message>
            <source>Request {ref} is not closed.</source>
            <translation>المطلب {ref} غير مغلق.</translation>
        </message>
        <message>
            <source>Give the citizen's name, e-mail or telephone.</source>
            <translation>أدخل اسم المواطن أو بريده الإلكتروني أو هاتفه.</translation>
        </message>
    </context>
    <context>
        <name>requests_file</name>
        <message>
            <source>“{text}” is not a date and time; write 2026-02-03 14:20 or 03/02/2026 14:20.</source>
            <translation>«{text}» ليس تاريخا وساعة؛ اكتب 2026-02-03 14:20 أو 03/02/2026 14:20.</translation>
        </message>
        <message>
            <source>“{text}” has no time; counted from midnight.</source>
            <translation>«{text}» دون ساعة؛ يحتسب من منتصف الليل.</translation>
        </message>
        <message>
            <source>This cell is empty.</source>
            <translation>هذه الخانة فارغة.</translation>
        </message>
        <message>
            <source>“{text}” is not a known value for this column.</source>
            <translation>«{text}» ليست قيمة معروفة لهذا العمود.</translation>
        </message>
        <message>
            <source>“{text}” is in the future.</source>
            <translation>«{text}» تاريخ في المستقبل.</translation>
        </message>
        <message>
            <source>“{text}” is before the request was received.</source>
            <translation>«{text}» سابق لتاريخ ورود المطلب.</translation>
        </message>
        <message>
            <source>A kind of response without its date was ignored.</source>
            <translation>تم تجاهل نوع رد دون تاريخه.</translation>
        </message>
        <message>
            <source>Requests</source>
            <translation>المطالب</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>المرجع</translation>
        </message>
        <message>
            <source>Received at</source>
            <translation>تاريخ الورود</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>القناة</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>النوع</translation>
        </message>
        <message>
            <source>Citizen</source>
            <translation>المواطن</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>الاتصال</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>الموضوع</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>النص</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>الحالة</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>المسار</translation>
        </message>
        <message>
            <source>When</source>
            <translation>التاريخ</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>المرحلة</translation>
        </message>
        <message>
            <source>By</source>
            <translation>بواسطة</translation>
        </message>
    </context>
    <context>
        <name>requests_report</name>
        <message>
            <source>Value</source>
            <translation>القيمة</translation>
        </message>
        <message>
            <source>Requests by month</source>
            <translation>المطالب حسب الشهر</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>الشهر</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>الواردة</translation>
        </message>
        <message>
            <source>Answered in time</source>
            <translation>رد في الآجال</translation>
        </message>
        <message>
            <source>Late or unanswered</source>
            <translation>متأخرة أو دون رد</translation>
        </message>
        <message>
            <source>% in time</source>
            <translation>% في الآجال</translation>
        </message>
        <message>
            <source>Requests overdue at the end of the period</source>
            <translation>المطالب المتجاوزة للأجل في نهاية الفترة</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>المرجع</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>القناة</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>النوع</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>الموضوع</translation>
        </message>
        <message>
            <source>First response</source>
            <translation>أول رد</translation>
        </message>
        <message>
            <source>No answer and no notice to the sender before the deadline (C2.1).</source>
            <translation>لا رد ولا إعلام للمرسل قبل انقضاء الأجل (C2.1).</translation>
        </message>
        <message>
            <source>Citizen requests</source>
            <translation>مطالب المواطنين</translation>
        </message>
        <message>
            <source>By channel</source>
            <translation>حسب القناة</translation>
        </message>
        <message>
            <source>By type</source>
            <translation>حسب النوع</translation>
        </message>
        <message>
            <source>Particular categories of users (C8.6)</source>
            <translation>الفئات الخصوصية من المتعاملين (C8.6)</translation>
        </message>
        <message>
            <source>{ref} — {subject} (deadline {when})</source>
            <translation>{ref} — {subject} (الأجل {when})</translation>
        </message>
        <message>
            <source>Requests overdue</source>
            <translation>مطالب تجاوزت الأجل</translation>
        </message>
        <message>
            <source>Requests due soon</source>
            <translation>مطالب أجلها قريب</translation>
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
            <source>The deadline clock is either “calendar” or “working”.</source>
            <translation>طريقة احتساب الأجل إما «calendar» (ساعات كاملة) أو «working» (ساعات العمل).</translation>
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
