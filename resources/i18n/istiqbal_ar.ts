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
        <name>ActionListBox</name>
        <message>
            <source>{title} ({count})</source>
            <translation>{title} ({count})</translation>
        </message>
        <message>
            <source>Nothing to do.</source>
            <translation>لا شيء للقيام به.</translation>
        </message>
        <message>
            <source>Show them all</source>
            <translation>عرضها كلها</translation>
        </message>
    </context>
    <context>
        <name>AgentDialog</name>
        <message>
            <source>New agent</source>
            <translation>عون جديد</translation>
        </message>
        <message>
            <source>Edit agent</source>
            <translation>تعديل العون</translation>
        </message>
        <message>
            <source>Left on</source>
            <translation>غادر في</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(لا شيء)</translation>
        </message>
        <message>
            <source>(no account)</source>
            <translation>(دون حساب)</translation>
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
            <source>Staff number</source>
            <translation>المعرف الوحيد</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>الوحدة</translation>
        </message>
        <message>
            <source>Extension</source>
            <translation>الرقم الداخلي</translation>
        </message>
        <message>
            <source>Active from</source>
            <translation>مباشر منذ</translation>
        </message>
        <message>
            <source>Reception post</source>
            <translation>مركز الاستقبال</translation>
        </message>
        <message>
            <source>User account</source>
            <translation>حساب المستخدم</translation>
        </message>
        <message>
            <source>Lines answered</source>
            <translation>الخطوط التي يجيب عليها</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>ملاحظات</translation>
        </message>
    </context>
    <context>
        <name>AgentEvaluationsTab</name>
        <message>
            <source>Date</source>
            <translation>التاريخ</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>الخط</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>الطريقة</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>العدد</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>ملاحظة</translation>
        </message>
        <message>
            <source>Your role does not allow reading call evaluations.</source>
            <translation>لا تسمح لكم خطتكم بالاطلاع على تقييم المكالمات.</translation>
        </message>
        <message>
            <source>No call of this agent has been evaluated yet.</source>
            <translation>لم يتم بعد تقييم أي مكالمة لهذا العون.</translation>
        </message>
        <message numerus="yes">
            <source>Evaluations: %n, mean score {score} out of 100.</source>
            <translation>
                <numerusform>لا تقييم، المعدل {score} من 100.</numerusform>
                <numerusform>تقييم واحد، المعدل {score} من 100.</numerusform>
                <numerusform>تقييمان، المعدل {score} من 100.</numerusform>
                <numerusform>%n تقييمات، المعدل {score} من 100.</numerusform>
                <numerusform>%n تقييمًا، المعدل {score} من 100.</numerusform>
                <numerusform>%n تقييم، المعدل {score} من 100.</numerusform>
            </translation>
        </message>
        <message>
            <source>{score} (not answered)</source>
            <translation>{score} (دون إجابة)</translation>
        </message>
        <message>
            <source>Call evaluations</source>
            <translation>تقييم المكالمات</translation>
        </message>
    </context>
    <context>
        <name>AgentProfile</name>
        <message>
            <source>Other name</source>
            <translation>الاسم الآخر</translation>
        </message>
        <message>
            <source>Staff number</source>
            <translation>المعرف الوحيد</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>الوحدة</translation>
        </message>
        <message>
            <source>Post and extension</source>
            <translation>المركز والرقم الداخلي</translation>
        </message>
        <message>
            <source>Lines answered</source>
            <translation>الخطوط التي يجيب عليها</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>مباشر</translation>
        </message>
        <message>
            <source>User account</source>
            <translation>حساب المستخدم</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>التاريخ</translation>
        </message>
        <message>
            <source>Session</source>
            <translation>الدورة</translation>
        </message>
        <message>
            <source>Topic</source>
            <translation>المحور</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>الساعات</translation>
        </message>
        <message>
            <source>Attended</source>
            <translation>حضر</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>العدد</translation>
        </message>
        <message>
            <source>Rule</source>
            <translation>القاعدة</translation>
        </message>
        <message>
            <source>Due since</source>
            <translation>مستحق منذ</translation>
        </message>
        <message>
            <source>Last trained</source>
            <translation>آخر تكوين</translation>
        </message>
        <message>
            <source>Guide</source>
            <translation>الدليل</translation>
        </message>
        <message>
            <source>Current version</source>
            <translation>النسخة الحالية</translation>
        </message>
        <message>
            <source>Version read</source>
            <translation>النسخة المطلع عليها</translation>
        </message>
        <message>
            <source>Read on</source>
            <translation>تاريخ الاطلاع</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>المرجع</translation>
        </message>
        <message>
            <source>Date of the text</source>
            <translation>تاريخ النص</translation>
        </message>
        <message>
            <source>Informed on</source>
            <translation>تاريخ الإعلام</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>الفترة</translation>
        </message>
        <message>
            <source>Award</source>
            <translation>التكريم</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>السبب</translation>
        </message>
        <message>
            <source>Awarded on</source>
            <translation>تاريخ الإسناد</translation>
        </message>
        <message>
            <source>Equipment</source>
            <translation>التجهيزات</translation>
        </message>
        <message>
            <source>Condition</source>
            <translation>الحالة</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>ملاحظة</translation>
        </message>
        <message>
            <source>Training plan rules not met</source>
            <translation>قواعد مخطط التكوين غير المستوفاة</translation>
        </message>
        <message>
            <source>Training</source>
            <translation>التكوين</translation>
        </message>
        <message>
            <source>Guides read</source>
            <translation>الأدلة المطلع عليها</translation>
        </message>
        <message>
            <source>Legal updates</source>
            <translation>المستجدات القانونية</translation>
        </message>
        <message>
            <source>Recognitions</source>
            <translation>التكريمات</translation>
        </message>
        <message>
            <source>Post equipment</source>
            <translation>تجهيزات المركز</translation>
        </message>
        <message>
            <source>Choose an agent in the list.</source>
            <translation>اختر عونا من القائمة.</translation>
        </message>
        <message>
            <source>none</source>
            <translation>لا شيء</translation>
        </message>
        <message>
            <source>today</source>
            <translation>اليوم</translation>
        </message>
        <message>
            <source>from {start} to {end}</source>
            <translation>من {start} إلى {end}</translation>
        </message>
        <message>
            <source>none: the agent does not sign in to Istiqbal</source>
            <translation>لا يوجد: العون لا يدخل إلى منظومة استقبال</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>نعم</translation>
        </message>
        <message>
            <source>Absent</source>
            <translation>غائب</translation>
        </message>
        <message>
            <source>never</source>
            <translation>أبدا</translation>
        </message>
        <message>
            <source>The agent meets every rule of the training plan.</source>
            <translation>يستوفي العون كل قواعد مخطط التكوين.</translation>
        </message>
        <message>
            <source>not read</source>
            <translation>لم يطلع</translation>
        </message>
    </context>
    <context>
        <name>AgentsPage</name>
        <message>
            <source>Reception agents</source>
            <translation>أعوان الاستقبال</translation>
        </message>
        <message>
            <source>Who answers the public, on which lines and at which post, and everything about their training, guides and recognition (C8.3, C8.5, C8.6).</source>
            <translation>من يجيب المواطنين، على أي خطوط وفي أي مركز، وكل ما يتعلق بتكوينهم وأدلتهم وتكريمهم (C8.3، C8.5، C8.6).</translation>
        </message>
        <message>
            <source>New agent…</source>
            <translation>عون جديد…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>تعديل…</translation>
        </message>
        <message>
            <source>Search name, staff number, unit…</source>
            <translation>بحث بالاسم أو المعرف أو الوحدة…</translation>
        </message>
        <message>
            <source>Active agents only</source>
            <translation>الأعوان المباشرون فقط</translation>
        </message>
    </context>
    <context>
        <name>AgentsTableModel</name>
        <message>
            <source>Name</source>
            <translation>الاسم</translation>
        </message>
        <message>
            <source>Staff number</source>
            <translation>المعرف الوحيد</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>الوحدة</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>الوضعية</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>مباشر</translation>
        </message>
        <message>
            <source>Inactive</source>
            <translation>غير مباشر</translation>
        </message>
    </context>
    <context>
        <name>AnswerSelector</name>
        <message>
            <source>1 Yes</source>
            <translation>1 نعم</translation>
        </message>
        <message>
            <source>2 No</source>
            <translation>2 لا</translation>
        </message>
        <message>
            <source>3 N/A</source>
            <translation>3 لا ينطبق</translation>
        </message>
    </context>
    <context>
        <name>AttendeePicker</name>
        <message>
            <source>Filter by name…</source>
            <translation>تصفية حسب الاسم…</translation>
        </message>
        <message>
            <source>Tick all shown</source>
            <translation>تأشير كل المعروضين</translation>
        </message>
        <message>
            <source>Untick all</source>
            <translation>إلغاء كل التأشيرات</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>العون</translation>
        </message>
        <message>
            <source>Attended</source>
            <translation>حضر</translation>
        </message>
        <message>
            <source>Score /100</source>
            <translation>العدد /100</translation>
        </message>
        <message numerus="yes">
            <source>%n selected</source>
            <translation>
                <numerusform>لا أحد محدّد</numerusform>
                <numerusform>واحد محدّد</numerusform>
                <numerusform>اثنان محدّدان</numerusform>
                <numerusform>%n محدّدين</numerusform>
                <numerusform>%n محدّدًا</numerusform>
                <numerusform>%n محدّد</numerusform>
            </translation>
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
        <message numerus="yes">
            <source>Dates still estimated: %n. Confirm or move each one once the official announcement is made.</source>
            <translation>
                <numerusform>لا تاريخ تقديريًا: أكّد كل تاريخ أو غيّره بعد الإعلان الرسمي.</numerusform>
                <numerusform>لا يزال تاريخ واحد تقديريًا: أكّد كل تاريخ أو غيّره بعد الإعلان الرسمي.</numerusform>
                <numerusform>لا يزال تاريخان تقديريين: أكّد كل تاريخ أو غيّره بعد الإعلان الرسمي.</numerusform>
                <numerusform>لا تزال %n تواريخ تقديرية: أكّد كل تاريخ أو غيّره بعد الإعلان الرسمي.</numerusform>
                <numerusform>لا يزال %n تاريخًا تقديريًا: أكّد كل تاريخ أو غيّره بعد الإعلان الرسمي.</numerusform>
                <numerusform>لا يزال %n تاريخ تقديريًا: أكّد كل تاريخ أو غيّره بعد الإعلان الرسمي.</numerusform>
            </translation>
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
        <name>CallbackDialog</name>
        <message>
            <source>Record a call-back</source>
            <translation>تسجيل معاودة اتصال</translation>
        </message>
        <message>
            <source>Number called</source>
            <translation>الرقم المطلوب</translation>
        </message>
        <message>
            <source>Called at</source>
            <translation>توقيت الاتصال</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>النتيجة</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>ملاحظة</translation>
        </message>
    </context>
    <context>
        <name>CallersTab</name>
        <message>
            <source>Callers' numbers are personal data: only the roles that handle calls (reception agents, supervisors) see this list.</source>
            <translation>أرقام المتصلين معطيات شخصية: لا يطّلع على هذه القائمة إلا من يتولّون الرد على المكالمات (أعوان الاستقبال والمشرفون).</translation>
        </message>
        <message>
            <source>All lines</source>
            <translation>كل الخطوط</translation>
        </message>
        <message>
            <source>Last 7 days</source>
            <translation>آخر 7 أيام</translation>
        </message>
        <message>
            <source>Last 30 days</source>
            <translation>آخر 30 يومًا</translation>
        </message>
        <message>
            <source>All days</source>
            <translation>كل الأيام</translation>
        </message>
        <message>
            <source>One day</source>
            <translation>يوم واحد</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>الخط</translation>
        </message>
        <message>
            <source>Copy the number</source>
            <translation>نسخ الرقم</translation>
        </message>
        <message>
            <source>Call</source>
            <translation>اتصال</translation>
        </message>
        <message>
            <source>Dial through the computer's phone program (softphone), where one is installed.</source>
            <translation>الاتصال عبر برنامج الهاتف في الحاسوب (softphone) إن وُجد.</translation>
        </message>
        <message>
            <source>Record a call-back…</source>
            <translation>تسجيل معاودة اتصال…</translation>
        </message>
        <message>
            <source>Export the list…</source>
            <translation>تصدير القائمة…</translation>
        </message>
        <message>
            <source>Print the list…</source>
            <translation>طباعة القائمة…</translation>
        </message>
        <message>
            <source>Nobody to call back: every caller who missed the body has been reached.</source>
            <translation>لا أحد في انتظار معاودة الاتصال: تمّ التواصل مع كل من لم يُردّ على مكالمته.</translation>
        </message>
        <message numerus="yes">
            <source>Callers of {day} not reached yet: %n, oldest first.</source>
            <translation>
                <numerusform>لا متصل بتاريخ {day} ينتظر التواصل معه.</numerusform>
                <numerusform>متصل واحد بتاريخ {day} لم يتمّ التواصل معه بعد.</numerusform>
                <numerusform>متصلان بتاريخ {day} لم يتمّ التواصل معهما بعد، الأقدم أولاً.</numerusform>
                <numerusform>%n متصلين بتاريخ {day} لم يتمّ التواصل معهم بعد، الأقدم أولاً.</numerusform>
                <numerusform>%n متصلًا بتاريخ {day} لم يتمّ التواصل معهم بعد، الأقدم أولاً.</numerusform>
                <numerusform>%n متصل بتاريخ {day} لم يتمّ التواصل معهم بعد، الأقدم أولاً.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Callers not reached yet: %n, oldest first.</source>
            <translation>
                <numerusform>لا متصل ينتظر التواصل معه.</numerusform>
                <numerusform>متصل واحد لم يتمّ التواصل معه بعد.</numerusform>
                <numerusform>متصلان لم يتمّ التواصل معهما بعد، الأقدم أولاً.</numerusform>
                <numerusform>%n متصلين لم يتمّ التواصل معهم بعد، الأقدم أولاً.</numerusform>
                <numerusform>%n متصلًا لم يتمّ التواصل معهم بعد، الأقدم أولاً.</numerusform>
                <numerusform>%n متصل لم يتمّ التواصل معهم بعد، الأقدم أولاً.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Callers written to {path}: %n.</source>
            <translation>
                <numerusform>لم يُسجَّل أيّ متصل في {path}.</numerusform>
                <numerusform>تمّ تسجيل متصل واحد في {path}.</numerusform>
                <numerusform>تمّ تسجيل متصلَيْن في {path}.</numerusform>
                <numerusform>تمّ تسجيل %n متصلين في {path}.</numerusform>
                <numerusform>تمّ تسجيل %n متصلًا في {path}.</numerusform>
                <numerusform>تمّ تسجيل %n متصل في {path}.</numerusform>
            </translation>
        </message>
        <message>
            <source>No phone program on this computer opens tel: links; the number is copied, dial it from your phone.</source>
            <translation>لا يوجد في هذا الحاسوب برنامج يفتح روابط tel:؛ تمّ نسخ الرقم، اطلبه من هاتفك.</translation>
        </message>
        <message>
            <source>Export the callers to call back</source>
            <translation>تصدير قائمة المتصلين الواجب معاودة الاتصال بهم</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>مصنف Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>النتيجة</translation>
        </message>
        <message>
            <source>Callers to call back</source>
            <translation>متصلون يجب معاودة الاتصال بهم</translation>
        </message>
    </context>
    <context>
        <name>CallersTableModel</name>
        <message>
            <source>{m} min</source>
            <translation>{m} دق</translation>
        </message>
        <message>
            <source>{h} h {m} min</source>
            <translation>{h} س {m} دق</translation>
        </message>
        <message>
            <source>{d} d {h} h</source>
            <translation>{d} ي {h} س</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>الرقم</translation>
        </message>
        <message>
            <source>Line rung</source>
            <translation>الخط المطلوب</translation>
        </message>
        <message>
            <source>Unanswered calls</source>
            <translation>مكالمات دون رد</translation>
        </message>
        <message>
            <source>First call</source>
            <translation>أول مكالمة</translation>
        </message>
        <message>
            <source>Last call</source>
            <translation>آخر مكالمة</translation>
        </message>
        <message>
            <source>Waiting for</source>
            <translation>مدة الانتظار</translation>
        </message>
        <message>
            <source>Call-backs without answer</source>
            <translation>معاودات دون رد</translation>
        </message>
    </context>
    <context>
        <name>CallsPage</name>
        <message>
            <source>Call traffic</source>
            <translation>حركة المكالمات</translation>
        </message>
        <message>
            <source>Inbound calls recorded by the phone system on the lines of the inventory: which lines and which hours lose calls, to reinforce them (C8.4).</source>
            <translation>المكالمات الواردة التي سجّلها المقسم الهاتفي على خطوط الجرد: أيّ الخطوط وأيّ الساعات تضيع فيها المكالمات، لتدعيمها (C8.4).</translation>
        </message>
        <message>
            <source>Traffic</source>
            <translation>الحركة</translation>
        </message>
        <message>
            <source>Callers to call back</source>
            <translation>متصلون يجب معاودة الاتصال بهم</translation>
        </message>
        <message>
            <source>Calls</source>
            <translation>المكالمات</translation>
        </message>
        <message>
            <source>Lost calls</source>
            <translation>المكالمات الضائعة</translation>
        </message>
        <message>
            <source>All lines</source>
            <translation>كل الخطوط</translation>
        </message>
        <message>
            <source>Import call records…</source>
            <translation>توريد سجلات المكالمات…</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>الفترة</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>الرقم</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>الخط</translation>
        </message>
        <message>
            <source>Offered</source>
            <translation>الواردة</translation>
        </message>
        <message>
            <source>Answered</source>
            <translation>المجاب عنها</translation>
        </message>
        <message>
            <source>Busy</source>
            <translation>مشغول</translation>
        </message>
        <message>
            <source>Missed</source>
            <translation>دون رد</translation>
        </message>
        <message>
            <source>Answered (%)</source>
            <translation>نسبة الرد (%)</translation>
        </message>
        <message>
            <source>Median s to answer</source>
            <translation>الوسيط (ثانية) قبل الرد</translation>
        </message>
        <message>
            <source>Outside hours</source>
            <translation>خارج التوقيت</translation>
        </message>
        <message>
            <source>Week × hour</source>
            <translation>الأسبوع × الساعة</translation>
        </message>
        <message>
            <source>Time to answer (answered calls)</source>
            <translation>مدة الانتظار قبل الرد (المكالمات المجاب عنها)</translation>
        </message>
        <message numerus="yes">
            <source>Inbound calls: %Ln, {pct} % answered, {lost} lost. Peak hour: {hour}.</source>
            <translation>
                <numerusform>لا مكالمة واردة، {pct} % منها تمّ الرد عليها، {lost} ضائعة. ساعة الذروة: {hour}.</numerusform>
                <numerusform>مكالمة واردة واحدة، {pct} % منها تمّ الرد عليها، {lost} ضائعة. ساعة الذروة: {hour}.</numerusform>
                <numerusform>مكالمتان واردتان، {pct} % منها تمّ الرد عليها، {lost} ضائعة. ساعة الذروة: {hour}.</numerusform>
                <numerusform>%Ln مكالمات واردة، {pct} % منها تمّ الرد عليها، {lost} ضائعة. ساعة الذروة: {hour}.</numerusform>
                <numerusform>%Ln مكالمة واردة، {pct} % منها تمّ الرد عليها، {lost} ضائعة. ساعة الذروة: {hour}.</numerusform>
                <numerusform>%Ln مكالمة واردة، {pct} % منها تمّ الرد عليها، {lost} ضائعة. ساعة الذروة: {hour}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Calls imported: %n; already there: {d}.</source>
            <translation>
                <numerusform>لم تُورَّد أيّ مكالمة؛ {d} كانت موجودة من قبل.</numerusform>
                <numerusform>تمّ توريد مكالمة واحدة؛ {d} كانت موجودة من قبل.</numerusform>
                <numerusform>تمّ توريد مكالمتين؛ {d} كانت موجودة من قبل.</numerusform>
                <numerusform>تمّ توريد %n مكالمات؛ {d} كانت موجودة من قبل.</numerusform>
                <numerusform>تمّ توريد %n مكالمة؛ {d} كانت موجودة من قبل.</numerusform>
                <numerusform>تمّ توريد %n مكالمة؛ {d} كانت موجودة من قبل.</numerusform>
            </translation>
        </message>
        <message>
            <source>No inbound call recorded in this period: import the PBX's Master.csv.</source>
            <translation>لا توجد مكالمات واردة مسجّلة في هذه الفترة: قم بتوريد ملف Master.csv للمقسم.</translation>
        </message>
        <message>
            <source>Asterisk call records</source>
            <translation>سجلات مكالمات Asterisk</translation>
        </message>
        <message>
            <source>Call records (*.csv);;All files (*)</source>
            <translation>سجلات المكالمات (*.csv);;كل الملفات (*)</translation>
        </message>
    </context>
    <context>
        <name>CampaignDialog</name>
        <message>
            <source>Plan a mystery-call campaign</source>
            <translation>برمجة حملة مكالمات المواطن الرقيب</translation>
        </message>
        <message>
            <source>Citizen watch {quarter}</source>
            <translation>المواطن الرقيب {quarter}</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>الاسم</translation>
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
            <source>Calls per line</source>
            <translation>عدد المكالمات لكل خط</translation>
        </message>
        <message>
            <source>Lines to call</source>
            <translation>الخطوط المعنية</translation>
        </message>
        <message>
            <source>Calls are drawn at random within the office hours set in Settings, under “Holidays and office hours”. Fax lines are not ticked.</source>
            <translation>تُحدَّد أوقات المكالمات عشوائيًا داخل توقيت العمل المضبوط في الإعدادات، ضمن «العطل الرسمية وتوقيت العمل». خطوط الفاكس غير محدَّدة.</translation>
        </message>
    </context>
    <context>
        <name>CategoryNamesDialog</name>
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
        <name>CdrImportDialog</name>
        <message>
            <source>Import call records</source>
            <translation>توريد سجلات المكالمات</translation>
        </message>
        <message>
            <source>The PBX writes times in UTC (usegmtime=yes in cdr.conf)</source>
            <translation>المقسم يسجّل الأوقات بالتوقيت العالمي (usegmtime=yes في cdr.conf)</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>توريد</translation>
        </message>
        <message>
            <source>Reading the call records…</source>
            <translation>جارٍ قراءة سجلات المكالمات…</translation>
        </message>
        <message>
            <source>Calls to import: {n} (already imported: {d}).</source>
            <translation>المكالمات التي سيتمّ توريدها: {n} (سبق توريدها: {d}).</translation>
        </message>
        <message>
            <source>Inbound on inventory lines: {n}</source>
            <translation>واردة على خطوط الجرد: {n}</translation>
        </message>
        <message>
            <source>Outgoing: {n} · internal: {i} · to numbers missing from the inventory: {u}</source>
            <translation>صادرة: {n} · داخلية: {i} · نحو أرقام غير مدرجة في الجرد: {u}</translation>
        </message>
        <message>
            <source>From {first} to {last}</source>
            <translation>من {first} إلى {last}</translation>
        </message>
        <message>
            <source>Calls already imported as missed, now answered: {n}</source>
            <translation>مكالمات سبق توريدها على أنها فائتة وتبيّن أنه تمّت الإجابة عنها: {n}</translation>
        </message>
        <message>
            <source>Warning: {message}</source>
            <translation>تنبيه: {message}</translation>
        </message>
        <message>
            <source>Line {row}, {column}: {message}</source>
            <translation>السطر {row}، {column}: {message}</translation>
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
        <name>DashboardPage</name>
        <message>
            <source>Dashboard</source>
            <translation>لوحة القيادة</translation>
        </message>
        <message>
            <source>This quarter's indicators against their targets (C8.7). Worst first.</source>
            <translation>مؤشرات هذه الثلاثية مقارنة بأهدافها (C8.7). الأضعف أولا.</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>تحيين</translation>
        </message>
        <message>
            <source>Computing this quarter's indicators…</source>
            <translation>جارٍ احتساب مؤشرات هذه الثلاثية…</translation>
        </message>
        <message>
            <source>{period}, from {first} to {last}</source>
            <translation>{period}، من {first} إلى {last}</translation>
        </message>
        <message numerus="yes">
            <source>First steps (%n left)</source>
            <translation>
                <numerusform>الخطوات الأولى (لم يبق شيء)</numerusform>
                <numerusform>الخطوات الأولى (بقيت خطوة واحدة)</numerusform>
                <numerusform>الخطوات الأولى (بقيت خطوتان)</numerusform>
                <numerusform>الخطوات الأولى (بقيت %n خطوات)</numerusform>
                <numerusform>الخطوات الأولى (بقيت %n خطوة)</numerusform>
                <numerusform>الخطوات الأولى (بقيت %n خطوة)</numerusform>
            </translation>
        </message>
        <message>
            <source>Open</source>
            <translation>فتح</translation>
        </message>
        <message>
            <source>To do now</source>
            <translation>للإنجاز الآن</translation>
        </message>
        <message>
            <source>Nothing to do now.</source>
            <translation>لا شيء للقيام به الآن.</translation>
        </message>
        <message>
            <source>Indicators</source>
            <translation>المؤشرات</translation>
        </message>
    </context>
    <context>
        <name>DeadlineWatcher</name>
        <message numerus="yes">
            <source>Requests due within the warning window: %n ({refs})</source>
            <translation>
                <numerusform>لا مطلب يقترب أجله: {refs}</numerusform>
                <numerusform>مطلب واحد يقترب أجله: {refs}</numerusform>
                <numerusform>مطلبان يقترب أجلهما: {refs}</numerusform>
                <numerusform>%n مطالب يقترب أجلها: {refs}</numerusform>
                <numerusform>%n مطلبًا يقترب أجلها: {refs}</numerusform>
                <numerusform>%n مطلب يقترب أجلها: {refs}</numerusform>
            </translation>
        </message>
        <message>
            <source>Requests due soon</source>
            <translation>مطالب أجلها قريب</translation>
        </message>
    </context>
    <context>
        <name>DirectoryDialog</name>
        <message>
            <source>Public directory</source>
            <translation>دليل الاتصال العمومي</translation>
        </message>
        <message>
            <source>Language of the directory</source>
            <translation>لغة الدليل</translation>
        </message>
        <message>
            <source>Only verified data goes out. Lines left out:</source>
            <translation>لا تُنشر إلا المعطيات التي تمّ التثبت منها. الخطوط المستبعدة:</translation>
        </message>
        <message>
            <source>Text for the foot of letters:</source>
            <translation>نص أسفل المراسلات:</translation>
        </message>
        <message>
            <source>Save the poster (PDF)…</source>
            <translation>حفظ المعلّقة (PDF)…</translation>
        </message>
        <message>
            <source>Save the web fragment (HTML)…</source>
            <translation>حفظ المقطع للموقع (HTML)…</translation>
        </message>
        <message>
            <source>Copy the footer text</source>
            <translation>نسخ نص أسفل المراسلات</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>إغلاق</translation>
        </message>
        <message>
            <source>None.</source>
            <translation>لا شيء.</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Web page (*.html)</source>
            <translation>صفحة واب (*.html)</translation>
        </message>
        <message>
            <source>Save the directory</source>
            <translation>حفظ الدليل</translation>
        </message>
        <message>
            <source>Saved to {file}.</source>
            <translation>تمّ الحفظ في {file}.</translation>
        </message>
    </context>
    <context>
        <name>EquipmentDialog</name>
        <message>
            <source>New reception post</source>
            <translation>مركز استقبال جديد</translation>
        </message>
        <message>
            <source>e.g. Switchboard desk 1</source>
            <translation>مثال: المحول — المركز 1</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>الاسم</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>المكان</translation>
        </message>
        <message>
            <source>{item} — {post}</source>
            <translation>{item} — {post}</translation>
        </message>
        <message>
            <source>Condition</source>
            <translation>الحالة</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>ملاحظة</translation>
        </message>
        <message>
            <source>Checked on</source>
            <translation>تاريخ المعاينة</translation>
        </message>
    </context>
    <context>
        <name>EquipmentTab</name>
        <message>
            <source>New post…</source>
            <translation>مركز جديد…</translation>
        </message>
        <message>
            <source>Double-click an item to record its condition after a check.</source>
            <translation>انقر مرتين على تجهيز لتسجيل حالته بعد المعاينة.</translation>
        </message>
        <message>
            <source>Posts with missing or broken equipment only</source>
            <translation>المراكز ذات التجهيزات المفقودة أو المعطبة فقط</translation>
        </message>
        <message>
            <source>Post</source>
            <translation>المركز</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>المكان</translation>
        </message>
        <message>
            <source>Agents</source>
            <translation>الأعوان</translation>
        </message>
    </context>
    <context>
        <name>EvaluationDialog</name>
        <message>
            <source>New call evaluation</source>
            <translation>تقييم مكالمة جديد</translation>
        </message>
        <message>
            <source>Empty when you made the call yourself</source>
            <translation>اتركه فارغًا إذا أجريت المكالمة بنفسك</translation>
        </message>
        <message>
            <source>(not known)</source>
            <translation>(غير معروف)</translation>
        </message>
        <message>
            <source>Answered</source>
            <translation>تمّ الرد</translation>
        </message>
        <message>
            <source> s</source>
            <translation> ث</translation>
        </message>
        <message>
            <source>How</source>
            <translation>الطريقة</translation>
        </message>
        <message>
            <source>Caller (citizen watch)</source>
            <translation>المتّصل (المواطن الرقيب)</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>الخط</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>العون</translation>
        </message>
        <message>
            <source>When</source>
            <translation>التاريخ</translation>
        </message>
        <message>
            <source>Seconds to pick up</source>
            <translation>عدد الثواني قبل الرد</translation>
        </message>
        <message>
            <source>Criteria (1 yes · 2 no · 3 not applicable)</source>
            <translation>المعايير (1 نعم · 2 لا · 3 لا ينطبق)</translation>
        </message>
        <message>
            <source>{name} ({weight})</source>
            <translation>{name} ({weight})</translation>
        </message>
        <message>
            <source>What went well, what to improve</source>
            <translation>ما كان جيدًا وما يجب تحسينه</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>ملاحظة</translation>
        </message>
        <message>
            <source>Ctrl+Enter</source>
            <translation>Ctrl+Enter</translation>
        </message>
        <message>
            <source>Not answered: the call scores 0.</source>
            <translation>لم يتمّ الرد: العدد المسند 0.</translation>
        </message>
        <message>
            <source>Picked up in time (limit {n} s, C8.2).</source>
            <translation>تمّ الرد في الآجال (الحد {n} ث، C8.2).</translation>
        </message>
        <message>
            <source>Picked up late (limit {n} s, C8.2).</source>
            <translation>تمّ الرد متأخرًا (الحد {n} ث، C8.2).</translation>
        </message>
    </context>
    <context>
        <name>EvaluationTableModel</name>
        <message>
            <source>When</source>
            <translation>التاريخ</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>العون</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>الخط</translation>
        </message>
        <message>
            <source>How</source>
            <translation>الطريقة</translation>
        </message>
        <message>
            <source>Picked up after</source>
            <translation>الرد بعد</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>العدد</translation>
        </message>
        <message>
            <source>Evaluator</source>
            <translation>المقيّم</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>ملاحظة</translation>
        </message>
        <message>
            <source>not answered</source>
            <translation>دون رد</translation>
        </message>
        <message>
            <source>{n} s</source>
            <translation>{n} ث</translation>
        </message>
    </context>
    <context>
        <name>EvaluationsPage</name>
        <message>
            <source>Call evaluations</source>
            <translation>تقييم المكالمات</translation>
        </message>
        <message>
            <source>Supervisor listening, mystery calls and citizen feedback, scored on the weighted scorecard (C8.2, C8.7).</source>
            <translation>الاستماع من قبل المشرف ومكالمات المواطن الرقيب وملاحظات المواطنين، مقيّمة حسب شبكة التقييم الموزونة (C8.2، C8.7).</translation>
        </message>
        <message>
            <source>Evaluations</source>
            <translation>التقييمات</translation>
        </message>
        <message>
            <source>Mystery-call campaigns</source>
            <translation>حملات المواطن الرقيب</translation>
        </message>
        <message>
            <source>Coaching</source>
            <translation>المرافقة</translation>
        </message>
        <message>
            <source>Scorecard</source>
            <translation>شبكة التقييم</translation>
        </message>
        <message>
            <source>New evaluation…</source>
            <translation>تقييم جديد…</translation>
        </message>
        <message>
            <source>Ctrl+N</source>
            <translation>Ctrl+N</translation>
        </message>
        <message>
            <source>Every method</source>
            <translation>كل الطرق</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>الطريقة</translation>
        </message>
        <message>
            <source>Campaign</source>
            <translation>الحملة</translation>
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
            <source>Planned</source>
            <translation>المبرمجة</translation>
        </message>
        <message>
            <source>Made</source>
            <translation>المنجزة</translation>
        </message>
        <message>
            <source>Answered</source>
            <translation>المجاب عنها</translation>
        </message>
        <message>
            <source>Mean score</source>
            <translation>المعدل</translation>
        </message>
        <message>
            <source>Plan a campaign…</source>
            <translation>برمجة حملة…</translation>
        </message>
        <message>
            <source>Only the calls still to make</source>
            <translation>المكالمات المتبقية فقط</translation>
        </message>
        <message>
            <source>Call at</source>
            <translation>موعد المكالمة</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>الخط</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>النتيجة</translation>
        </message>
        <message>
            <source>Record the result…</source>
            <translation>تسجيل النتيجة…</translation>
        </message>
        <message>
            <source>to make</source>
            <translation>للإنجاز</translation>
        </message>
        <message>
            <source>not answered</source>
            <translation>دون رد</translation>
        </message>
        <message>
            <source>score {score}</source>
            <translation>العدد {score}</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>العون</translation>
        </message>
        <message>
            <source>Last twelve months, lowest score first</source>
            <translation>الاثنا عشر شهرًا الأخيرة، الأضعف عددًا أولًا</translation>
        </message>
        <message>
            <source>Criterion</source>
            <translation>المعيار</translation>
        </message>
        <message>
            <source>Met</source>
            <translation>محقّق</translation>
        </message>
        <message>
            <source>Training that addresses it</source>
            <translation>التكوين المناسب</translation>
        </message>
        <message>
            <source>{pct} %</source>
            <translation>{pct} %</translation>
        </message>
        <message>
            <source>Weakest criteria</source>
            <translation>المعايير الأضعف</translation>
        </message>
        <message>
            <source>Comments of the evaluators</source>
            <translation>ملاحظات المقيّمين</translation>
        </message>
        <message>
            <source>No agent evaluated yet.</source>
            <translation>لم يتمّ تقييم أيّ عون بعد.</translation>
        </message>
        <message numerus="yes">
            <source>{name}: mean score {score}, evaluations: %n (target {target})</source>
            <translation>
                <numerusform>{name}: المعدل {score} على لا تقييم (الهدف {target})</numerusform>
                <numerusform>{name}: المعدل {score} على تقييم واحد (الهدف {target})</numerusform>
                <numerusform>{name}: المعدل {score} على تقييمين (الهدف {target})</numerusform>
                <numerusform>{name}: المعدل {score} على %n تقييمات (الهدف {target})</numerusform>
                <numerusform>{name}: المعدل {score} على %n تقييمًا (الهدف {target})</numerusform>
                <numerusform>{name}: المعدل {score} على %n تقييم (الهدف {target})</numerusform>
            </translation>
        </message>
        <message>
            <source>{topic} (last attended {day})</source>
            <translation>{topic} (آخر حضور {day})</translation>
        </message>
        <message>
            <source>{topic} (never attended)</source>
            <translation>{topic} (لم يحضر أي تكوين فيه)</translation>
        </message>
        <message>
            <source>Training to propose: {topics}</source>
            <translation>التكوين المقترح: {topics}</translation>
        </message>
        <message>
            <source>No weak criterion.</source>
            <translation>لا يوجد معيار ضعيف.</translation>
        </message>
        <message>
            <source>Weight</source>
            <translation>الوزن</translation>
        </message>
        <message>
            <source>May be not applicable</source>
            <translation>يمكن ألّا ينطبق</translation>
        </message>
        <message>
            <source>Training topic</source>
            <translation>محور التكوين</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>نعم</translation>
        </message>
        <message>
            <source>no</source>
            <translation>لا</translation>
        </message>
        <message>
            <source>Edit the scorecard…</source>
            <translation>تعديل شبكة التقييم…</translation>
        </message>
        <message>
            <source>Only an administrator edits the scorecard.</source>
            <translation>لا يعدّل شبكة التقييم إلا المشرف على النظام.</translation>
        </message>
        <message>
            <source>Version {n} saved. The evaluations recorded before keep their scores.</source>
            <translation>حُفظت النسخة {n}. تحتفظ التقييمات المسجّلة قبلها بأعدادها.</translation>
        </message>
        <message>
            <source>Version {n}. A criterion answered “not applicable” does not count; the score is the weight of the criteria met over the weight of those that apply, 0–100. Changing the scorecard never changes past scores.</source>
            <translation>النسخة {n}. المعيار الذي لا ينطبق لا يُحتسب؛ العدد هو وزن المعايير المحقّقة على وزن المعايير المنطبقة، من 0 إلى 100. تغيير الشبكة لا يغيّر الأعداد السابقة أبدًا.</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <source>Welcome to Istiqbal</source>
            <translation>مرحبا بكم في استقبال</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>التالي</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>السابق</translation>
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
        <name>GuideDialog</name>
        <message>
            <source>New guide</source>
            <translation>دليل جديد</translation>
        </message>
        <message>
            <source>Edit guide</source>
            <translation>تعديل الدليل</translation>
        </message>
        <message>
            <source>Withdrawn from the library</source>
            <translation>مسحوب من المكتبة</translation>
        </message>
        <message>
            <source>No file</source>
            <translation>لا ملف</translation>
        </message>
        <message>
            <source>Choose the file…</source>
            <translation>اختيار الملف…</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>العنوان</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>النوع</translation>
        </message>
        <message>
            <source>Topic</source>
            <translation>المحور</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>النسخة</translation>
        </message>
        <message>
            <source>Changing the version asks every agent to read it again, and needs the new version's file.</source>
            <translation>تغيير النسخة يستوجب أن يطّلع عليها كل الأعوان من جديد، ويتطلب ملف النسخة الجديدة.</translation>
        </message>
        <message>
            <source>Choose the file of version {version}</source>
            <translation>اختر ملف النسخة {version}</translation>
        </message>
        <message>
            <source>Version {version} needs its own file: choose it before saving.</source>
            <translation>النسخة {version} تتطلب ملفها الخاص: اختره قبل الحفظ.</translation>
        </message>
        <message>
            <source>Reviewed on</source>
            <translation>تاريخ المراجعة</translation>
        </message>
        <message>
            <source>Next review</source>
            <translation>المراجعة القادمة</translation>
        </message>
        <message>
            <source>File</source>
            <translation>الملف</translation>
        </message>
        <message>
            <source>Guide file</source>
            <translation>ملف الدليل</translation>
        </message>
    </context>
    <context>
        <name>GuidesTab</name>
        <message>
            <source>New guide…</source>
            <translation>دليل جديد…</translation>
        </message>
        <message>
            <source>Edit or new version…</source>
            <translation>تعديل أو نسخة جديدة…</translation>
        </message>
        <message>
            <source>Open a copy of the file…</source>
            <translation>حفظ نسخة من الملف…</translation>
        </message>
        <message>
            <source>I have read this version</source>
            <translation>اطلعت على هذه النسخة</translation>
        </message>
        <message>
            <source>Mark selected agents as having read it…</source>
            <translation>تسجيل اطلاع الأعوان المحددين…</translation>
        </message>
        <message>
            <source>Your account is not linked to an agent; ask HR to link it.</source>
            <translation>حسابك غير مرتبط بعون؛ اطلب من الموارد البشرية ربطه.</translation>
        </message>
        <message>
            <source>Out of date only</source>
            <translation>المتجاوزة فقط</translation>
        </message>
        <message>
            <source>Not read by everyone</source>
            <translation>لم يطلع عليها الجميع</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>العنوان</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>النوع</translation>
        </message>
        <message>
            <source>Topic</source>
            <translation>المحور</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>النسخة</translation>
        </message>
        <message>
            <source>Next review</source>
            <translation>المراجعة القادمة</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>الوضعية</translation>
        </message>
        <message>
            <source>Read</source>
            <translation>اطلع</translation>
        </message>
        <message>
            <source>File</source>
            <translation>الملف</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>العون</translation>
        </message>
        <message>
            <source>Read the current version</source>
            <translation>اطلع على النسخة الحالية</translation>
        </message>
        <message>
            <source>Last version read</source>
            <translation>آخر نسخة مطلع عليها</translation>
        </message>
        <message>
            <source>Out of date</source>
            <translation>متجاوز</translation>
        </message>
        <message>
            <source>Current</source>
            <translation>ساري</translation>
        </message>
        <message>
            <source>{n} of {m}</source>
            <translation>{n} من {m}</translation>
        </message>
        <message>
            <source>Not yet</source>
            <translation>ليس بعد</translation>
        </message>
        <message>
            <source>Save the guide</source>
            <translation>حفظ الدليل</translation>
        </message>
        <message>
            <source>Recorded: you have read version {version} of {title}.</source>
            <translation>تم التسجيل: اطلعت على النسخة {version} من {title}.</translation>
        </message>
        <message>
            <source>Select in the list the agents who signed the reading sheet.</source>
            <translation>اختر من القائمة الأعوان الذين أمضوا ورقة الاطلاع.</translation>
        </message>
    </context>
    <context>
        <name>HeatmapWidget</name>
        <message>
            <source>Mon</source>
            <translation>الإثنين</translation>
        </message>
        <message>
            <source>Tue</source>
            <translation>الثلاثاء</translation>
        </message>
        <message>
            <source>Wed</source>
            <translation>الأربعاء</translation>
        </message>
        <message>
            <source>Thu</source>
            <translation>الخميس</translation>
        </message>
        <message>
            <source>Fri</source>
            <translation>الجمعة</translation>
        </message>
        <message>
            <source>Sat</source>
            <translation>السبت</translation>
        </message>
        <message>
            <source>Sun</source>
            <translation>الأحد</translation>
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
        <name>KpiTileWidget</name>
        <message>
            <source>Target {target}</source>
            <translation>الهدف {target}</translation>
        </message>
        <message>
            <source>Last quarter: not measured</source>
            <translation>الثلاثية السابقة: غير مقيسة</translation>
        </message>
        <message>
            <source>Last quarter {previous}, unchanged</source>
            <translation>الثلاثية السابقة {previous}، دون تغيير</translation>
        </message>
        <message>
            <source>Last quarter {previous}, {arrow} {change}</source>
            <translation>الثلاثية السابقة {previous}، {arrow} {change}</translation>
        </message>
    </context>
    <context>
        <name>LegalUpdateDialog</name>
        <message>
            <source>Legal or procedural update</source>
            <translation>مستجد قانوني أو إجرائي</translation>
        </message>
        <message>
            <source>e.g. Circular no. 8 of 19 March 2020</source>
            <translation>مثال: المنشور عدد 8 بتاريخ 19 مارس 2020</translation>
        </message>
        <message>
            <source>{name} (informed {date})</source>
            <translation>{name} (أُعلم في {date})</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>المرجع</translation>
        </message>
        <message>
            <source>Date of the text</source>
            <translation>تاريخ النص</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>الملخص</translation>
        </message>
        <message>
            <source>Newly ticked agents informed on</source>
            <translation>تاريخ إعلام الأعوان المؤشر عليهم حديثا</translation>
        </message>
        <message>
            <source>Agents informed</source>
            <translation>الأعوان الذين تم إعلامهم</translation>
        </message>
    </context>
    <context>
        <name>LegalUpdatesTab</name>
        <message>
            <source>New update…</source>
            <translation>مستجد جديد…</translation>
        </message>
        <message>
            <source>Edit, tick agents informed…</source>
            <translation>تعديل وتأشير الأعوان الذين تم إعلامهم…</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>التاريخ</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>المرجع</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>الملخص</translation>
        </message>
        <message>
            <source>Informed</source>
            <translation>تم الإعلام</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>العون</translation>
        </message>
        <message>
            <source>Informed on</source>
            <translation>تاريخ الإعلام</translation>
        </message>
        <message>
            <source>{n} of {m}</source>
            <translation>{n} من {m}</translation>
        </message>
        <message>
            <source>Not informed</source>
            <translation>لم يتم الإعلام</translation>
        </message>
    </context>
    <context>
        <name>LineCheckDialog</name>
        <message>
            <source>Record a check</source>
            <translation>تسجيل مراقبة</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>الخط</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>النتيجة</translation>
        </message>
        <message>
            <source>When</source>
            <translation>التاريخ</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>ملاحظات</translation>
        </message>
    </context>
    <context>
        <name>LineDialog</name>
        <message>
            <source>Edit phone line</source>
            <translation>تعديل خط هاتفي</translation>
        </message>
        <message>
            <source>New phone line</source>
            <translation>خط هاتفي جديد</translation>
        </message>
        <message>
            <source>e.g. 71 563 500, 80 100 321 or 1899</source>
            <translation>مثال: 71 563 500 أو 80 100 321 أو 1899</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>الرقم</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>النوع</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>التسمية</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>المصلحة</translation>
        </message>
        <message>
            <source>Extension</source>
            <translation>الداخلي</translation>
        </message>
        <message>
            <source>Published on</source>
            <translation>النشر</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>الحالة</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>ملاحظات</translation>
        </message>
        <message>
            <source>Type the number as it is published.</source>
            <translation>اكتب الرقم كما هو منشور.</translation>
        </message>
        <message>
            <source>Will be saved as {number}</source>
            <translation>سيُسجَّل بالصيغة {number}</translation>
        </message>
        <message>
            <source>Will be saved as {number}, extension {ext}</source>
            <translation>سيُسجَّل بالصيغة {number}، الداخلي {ext}</translation>
        </message>
    </context>
    <context>
        <name>LineFaultDialog</name>
        <message>
            <source>Report a fault</source>
            <translation>الإبلاغ عن عطب</translation>
        </message>
        <message>
            <source>What callers hear: no tone, busy all day…</source>
            <translation>ما يسمعه المتصلون: لا نغمة، مشغول طوال اليوم…</translation>
        </message>
        <message>
            <source>Reference given by the operator</source>
            <translation>المرجع الذي قدّمه المشغل</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>الخط</translation>
        </message>
        <message>
            <source>Noticed at</source>
            <translation>تاريخ المعاينة</translation>
        </message>
        <message>
            <source>Symptom</source>
            <translation>العطب الملاحظ</translation>
        </message>
        <message>
            <source>Operator ticket</source>
            <translation>مرجع بلاغ المشغل</translation>
        </message>
    </context>
    <context>
        <name>LineFaultsTab</name>
        <message>
            <source>Only faults not yet repaired</source>
            <translation>الأعطاب غير المصلحة فقط</translation>
        </message>
        <message>
            <source>Mark repaired…</source>
            <translation>تسجيل الإصلاح…</translation>
        </message>
    </context>
    <context>
        <name>LineFaultsTableModel</name>
        <message>
            <source>Line</source>
            <translation>الخط</translation>
        </message>
        <message>
            <source>Reported</source>
            <translation>تاريخ الإبلاغ</translation>
        </message>
        <message>
            <source>Symptom</source>
            <translation>العطب الملاحظ</translation>
        </message>
        <message>
            <source>Operator ticket</source>
            <translation>مرجع بلاغ المشغل</translation>
        </message>
        <message>
            <source>Repaired</source>
            <translation>تاريخ الإصلاح</translation>
        </message>
        <message>
            <source>Age / repair time</source>
            <translation>المدة / مدة الإصلاح</translation>
        </message>
        <message>
            <source>open</source>
            <translation>قائم</translation>
        </message>
        <message>
            <source>{n} days</source>
            <translation>{n} يوم</translation>
        </message>
        <message>
            <source>{n} h</source>
            <translation>{n} س</translation>
        </message>
    </context>
    <context>
        <name>LineForwardDialog</name>
        <message>
            <source>Forward the line to an agent</source>
            <translation>تحويل الخط إلى عون</translation>
        </message>
        <message>
            <source>The agent's phone, e.g. 98 123 456</source>
            <translation>هاتف العون، مثال: 98 123 456</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>الخط</translation>
        </message>
        <message>
            <source>Agent who answers</source>
            <translation>العون المكلف بالرد</translation>
        </message>
        <message>
            <source>Forwarded to</source>
            <translation>محوّل إلى</translation>
        </message>
        <message>
            <source>From</source>
            <translation>من</translation>
        </message>
        <message>
            <source>Until</source>
            <translation>إلى</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>ملاحظات</translation>
        </message>
        <message>
            <source>Set the forwarding on the switchboard as well; Istiqbal records who answers the line and shows it on the inventory.</source>
            <translation>يجب ضبط التحويل في المقسم أيضًا؛ يسجّل استقبال من يرد على الخط ويُظهره في قائمة الخطوط.</translation>
        </message>
        <message>
            <source>No reception agent is registered yet: add agents first.</source>
            <translation>لم يُسجَّل أي عون استقبال بعد: أضف الأعوان أولًا.</translation>
        </message>
    </context>
    <context>
        <name>LineForwardingTab</name>
        <message>
            <source>End the forwarding now</source>
            <translation>إنهاء التحويل الآن</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>الخط</translation>
        </message>
        <message>
            <source>Agent who answers</source>
            <translation>العون المكلف بالرد</translation>
        </message>
        <message>
            <source>Forwarded to</source>
            <translation>محوّل إلى</translation>
        </message>
        <message>
            <source>From</source>
            <translation>من</translation>
        </message>
        <message>
            <source>Until</source>
            <translation>إلى</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>ملاحظات</translation>
        </message>
    </context>
    <context>
        <name>LineMaintenanceDialog</name>
        <message>
            <source>Schedule maintenance</source>
            <translation>برمجة صيانة</translation>
        </message>
        <message>
            <source>e.g. switchboard check, handset cleaning</source>
            <translation>مثال: مراقبة المقسم، تنظيف الأجهزة</translation>
        </message>
        <message>
            <source> days</source>
            <translation> يوم</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>الخط</translation>
        </message>
        <message>
            <source>Task</source>
            <translation>العملية</translation>
        </message>
        <message>
            <source>Every</source>
            <translation>كل</translation>
        </message>
        <message>
            <source>Next due</source>
            <translation>الموعد القادم</translation>
        </message>
    </context>
    <context>
        <name>LineMaintenanceTab</name>
        <message>
            <source>Only overdue maintenance</source>
            <translation>الصيانة المتأخرة فقط</translation>
        </message>
        <message>
            <source>Done today</source>
            <translation>أُنجزت اليوم</translation>
        </message>
        <message>
            <source>Remove from the schedule</source>
            <translation>حذف من الرزنامة</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>الخط</translation>
        </message>
        <message>
            <source>Task</source>
            <translation>العملية</translation>
        </message>
        <message>
            <source>Every</source>
            <translation>كل</translation>
        </message>
        <message>
            <source>Last done</source>
            <translation>آخر إنجاز</translation>
        </message>
        <message>
            <source>Next due</source>
            <translation>الموعد القادم</translation>
        </message>
        <message>
            <source>{date} — overdue</source>
            <translation>{date} — متأخرة</translation>
        </message>
        <message numerus="yes">
            <source>%n d</source>
            <translation>
                <numerusform>%n يوم</numerusform>
                <numerusform>يوم واحد</numerusform>
                <numerusform>يومان</numerusform>
                <numerusform>%n أيام</numerusform>
                <numerusform>%n يومًا</numerusform>
                <numerusform>%n يوم</numerusform>
            </translation>
        </message>
        <message>
            <source>Remove “{task}” from the schedule?</source>
            <translation>حذف «{task}» من الرزنامة؟</translation>
        </message>
    </context>
    <context>
        <name>LinePeaksTab</name>
        <message>
            <source>Plan a peak period…</source>
            <translation>برمجة فترة ذروة…</translation>
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
            <source>Peak period</source>
            <translation>فترة الذروة</translation>
        </message>
        <message>
            <source>From</source>
            <translation>من</translation>
        </message>
        <message>
            <source>Until</source>
            <translation>إلى</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>التوقيت</translation>
        </message>
        <message>
            <source>Extra lines</source>
            <translation>خطوط إضافية</translation>
        </message>
        <message>
            <source>Extra agents</source>
            <translation>أعوان إضافيون</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>ملاحظات</translation>
        </message>
        <message>
            <source>Delete the plan “{title}”?</source>
            <translation>حذف البرنامج «{title}»؟</translation>
        </message>
    </context>
    <context>
        <name>LineRepairDialog</name>
        <message>
            <source>Mark the fault repaired</source>
            <translation>تسجيل إصلاح العطب</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>الخط</translation>
        </message>
        <message>
            <source>Symptom</source>
            <translation>العطب الملاحظ</translation>
        </message>
        <message>
            <source>Repaired at</source>
            <translation>تاريخ الإصلاح</translation>
        </message>
        <message>
            <source>What was done</source>
            <translation>ما تمّ إنجازه</translation>
        </message>
    </context>
    <context>
        <name>LinesImportDialog</name>
        <message>
            <source>Import phone lines — {file}</source>
            <translation>توريد الخطوط الهاتفية — {file}</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>السطر</translation>
        </message>
        <message>
            <source>Number as written</source>
            <translation>الرقم كما كُتب</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>النوع</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>التسمية</translation>
        </message>
        <message>
            <source>Becomes</source>
            <translation>يُسجَّل بالصيغة</translation>
        </message>
        <message>
            <source>Remarks</source>
            <translation>ملاحظات</translation>
        </message>
        <message>
            <source>{column}: {message}</source>
            <translation>{column}: {message}</translation>
        </message>
        <message>
            <source>Already in the inventory or earlier in the file: {n}</source>
            <translation>موجودة في القائمة أو مكرّرة في الملف: {n}</translation>
        </message>
        <message>
            <source>Rows that cannot be imported (in red): {bad}. Nothing will be written unless you correct the file or choose to skip them.</source>
            <translation>عدد الأسطر التي لا يمكن توريدها (بالأحمر): {bad}. لن يُسجَّل أي شيء ما لم تصحّح الملف أو تختر تجاوزها.</translation>
        </message>
        <message>
            <source>New lines to add: {new}; numbers already in the inventory: {dup}.</source>
            <translation>عدد الخطوط الجديدة التي ستُضاف: {new}؛ عدد الأرقام الموجودة مسبقًا في القائمة: {dup}.</translation>
        </message>
        <message>
            <source>Importing the phone lines…</source>
            <translation>توريد الخطوط الهاتفية…</translation>
        </message>
        <message>
            <source>Skip the invalid rows and import the others</source>
            <translation>تجاهل الأسطر غير الصالحة وتوريد البقية</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>توريد</translation>
        </message>
    </context>
    <context>
        <name>LinesInventoryTab</name>
        <message>
            <source>Search a number, label or department</source>
            <translation>ابحث عن رقم أو تسمية أو مصلحة</translation>
        </message>
        <message>
            <source>All kinds</source>
            <translation>كل الأنواع</translation>
        </message>
        <message>
            <source>In use (not retired)</source>
            <translation>المستعملة (غير الملغاة)</translation>
        </message>
        <message>
            <source>Only lines due for a check</source>
            <translation>الخطوط المستوجبة للمراقبة فقط</translation>
        </message>
        <message>
            <source>Add line…</source>
            <translation>إضافة خط…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>تعديل…</translation>
        </message>
        <message>
            <source>Record check</source>
            <translation>تسجيل مراقبة</translation>
        </message>
        <message>
            <source>With notes or another time…</source>
            <translation>مع ملاحظات أو في وقت آخر…</translation>
        </message>
        <message>
            <source>Withdraw my last check (within a day)…</source>
            <translation>سحب آخر تثبت قمت به (في أجل يوم)…</translation>
        </message>
        <message>
            <source>Verification round</source>
            <translation>جولة المراقبة</translation>
        </message>
        <message>
            <source>Report fault…</source>
            <translation>الإبلاغ عن عطب…</translation>
        </message>
        <message>
            <source>Forward…</source>
            <translation>تحويل…</translation>
        </message>
        <message>
            <source>Website audit…</source>
            <translation>تدقيق موقع الواب…</translation>
        </message>
        <message>
            <source>More</source>
            <translation>المزيد</translation>
        </message>
        <message>
            <source>Schedule maintenance…</source>
            <translation>برمجة صيانة…</translation>
        </message>
        <message>
            <source>Import a directory (.csv, .xlsx)…</source>
            <translation>توريد دليل هاتفي (.csv، .xlsx)…</translation>
        </message>
        <message>
            <source>Export to Excel…</source>
            <translation>تصدير إلى Excel…</translation>
        </message>
        <message>
            <source>When</source>
            <translation>التاريخ</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>النتيجة</translation>
        </message>
        <message>
            <source>By</source>
            <translation>بواسطة</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>ملاحظات</translation>
        </message>
        <message>
            <source>Verification round (due: {n})</source>
            <translation>جولة المراقبة (المستوجبة: {n})</translation>
        </message>
        <message>
            <source>A fault is already open on this line since {when}: {symptom}</source>
            <translation>عطب مفتوح على هذا الخط منذ {when}: {symptom}</translation>
        </message>
        <message>
            <source>Report a fault</source>
            <translation>التصريح بعطب</translation>
        </message>
        <message>
            <source>The check found the line not working. Report a fault now (C8.4)?</source>
            <translation>تبيّن من التثبت أن الخط لا يعمل. هل تريد التصريح بعطب الآن (C8.4)؟</translation>
        </message>
        <message>
            <source>You recorded no check of this line in the last day.</source>
            <translation>لم تسجل أي تثبت من هذا الخط خلال اليوم الأخير.</translation>
        </message>
        <message>
            <source>Withdraw a check</source>
            <translation>سحب تثبت</translation>
        </message>
        <message>
            <source>Withdraw your check of {when} ({result})? Say why:</source>
            <translation>سحب تثبتك بتاريخ {when} ({result})؟ اذكر السبب:</translation>
        </message>
        <message>
            <source>Every line has been checked recently.</source>
            <translation>تمت مراقبة كل الخطوط مؤخرًا.</translation>
        </message>
        <message>
            <source>Import a phone directory</source>
            <translation>توريد دليل هاتفي</translation>
        </message>
        <message>
            <source>Registers (*.csv *.xlsx)</source>
            <translation>سجلات (*.csv *.xlsx)</translation>
        </message>
        <message>
            <source>Reading {file}…</source>
            <translation>قراءة {file}…</translation>
        </message>
        <message>
            <source>Lines imported: {n}; already in the inventory: {d}.</source>
            <translation>عدد الخطوط المورَّدة: {n}؛ عدد الخطوط الموجودة مسبقًا في القائمة: {d}.</translation>
        </message>
        <message>
            <source>Export the inventory</source>
            <translation>تصدير قائمة الخطوط</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>مصنف Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>Writing {file}…</source>
            <translation>كتابة {file}…</translation>
        </message>
        <message>
            <source>Lines written to {file}: {n}.</source>
            <translation>عدد الخطوط المكتوبة في {file}: {n}.</translation>
        </message>
    </context>
    <context>
        <name>LinesPage</name>
        <message>
            <source>Phone lines</source>
            <translation>الخطوط الهاتفية</translation>
        </message>
        <message>
            <source>Every number the public can call: is it working, who answers it, where is it published, and what is broken (circulars 8/2020 and 2/2020).</source>
            <translation>كل رقم يمكن للعموم الاتصال به: هل يعمل، من يرد عليه، أين نُشر، وما المعطّل (المنشوران عدد 8 و2 لسنة 2020).</translation>
        </message>
        <message>
            <source>Inventory</source>
            <translation>قائمة الخطوط</translation>
        </message>
        <message>
            <source>Faults</source>
            <translation>الأعطاب</translation>
        </message>
        <message>
            <source>Maintenance</source>
            <translation>الصيانة</translation>
        </message>
        <message>
            <source>Peak periods</source>
            <translation>فترات الذروة</translation>
        </message>
        <message>
            <source>Forwarding</source>
            <translation>تحويل المكالمات</translation>
        </message>
    </context>
    <context>
        <name>LinesTableModel</name>
        <message>
            <source>Number</source>
            <translation>الرقم</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>النوع</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>التسمية</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>المصلحة</translation>
        </message>
        <message>
            <source>Published on</source>
            <translation>النشر</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>الحالة</translation>
        </message>
        <message>
            <source>Last check</source>
            <translation>آخر مراقبة</translation>
        </message>
        <message>
            <source>Answered by now</source>
            <translation>يرد عليه الآن</translation>
        </message>
        <message>
            <source>{status} (open faults: {n})</source>
            <translation>{status} (أعطاب قائمة: {n})</translation>
        </message>
        <message>
            <source>never checked</source>
            <translation>لم تتم مراقبته</translation>
        </message>
        <message>
            <source>{date}: {result}</source>
            <translation>{date}: {result}</translation>
        </message>
        <message>
            <source>{agent} on {number}</source>
            <translation>{agent} على {number}</translation>
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
        <message>
            <source>Opening the database…</source>
            <translation>جارٍ فتح قاعدة البيانات…</translation>
        </message>
    </context>
    <context>
        <name>MailFetcher</name>
        <message>
            <source>Mail fetched at {time}: {outcome}</source>
            <translation>جُلب البريد على الساعة {time}: {outcome}</translation>
        </message>
        <message>
            <source>Mail fetch at {time} failed: {outcome}</source>
            <translation>فشل جلب البريد على الساعة {time}: {outcome}</translation>
        </message>
    </context>
    <context>
        <name>MailTemplatesDialog</name>
        <message>
            <source>Letters sent by e-mail</source>
            <translation>الرسائل المرسلة عبر البريد الإلكتروني</translation>
        </message>
        <message>
            <source>Acknowledgement</source>
            <translation>إشعار بالتسلّم</translation>
        </message>
        <message>
            <source>Notice</source>
            <translation>إعلام</translation>
        </message>
        <message>
            <source>Answer</source>
            <translation>رد</translation>
        </message>
        <message>
            <source>Letter</source>
            <translation>الرسالة</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>الموضوع</translation>
        </message>
        <message>
            <source>Placeholders: {reference} {received} {deadline} {reason} {detail} {answer_by} {answer} {body_name} {signature}</source>
            <translation>الحقول المتغيّرة: {reference} {received} {deadline} {reason} {detail} {answer_by} {answer} {body_name} {signature}</translation>
        </message>
    </context>
    <context>
        <name>MailboxDialog</name>
        <message>
            <source>Mailbox</source>
            <translation>صندوق البريد</translation>
        </message>
        <message>
            <source>Published address</source>
            <translation>العنوان المنشور</translation>
        </message>
        <message>
            <source>IMAP server</source>
            <translation>خادم IMAP</translation>
        </message>
        <message>
            <source>SMTP server</source>
            <translation>خادم SMTP</translation>
        </message>
        <message>
            <source>the address, unless the provider says otherwise</source>
            <translation>العنوان نفسه، ما لم يذكر المزوّد غير ذلك</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>اسم المستخدم</translation>
        </message>
        <message>
            <source>unchanged</source>
            <translation>دون تغيير</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>كلمة العبور</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>المجلد</translation>
        </message>
        <message>
            <source>only for an internal server</source>
            <translation>لخادم داخلي فقط</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>استعراض…</translation>
        </message>
        <message>
            <source>Certificate authority file</source>
            <translation>ملف سلطة الشهادات</translation>
        </message>
        <message>
            <source>Website front page</source>
            <translation>الصفحة الرئيسية للموقع</translation>
        </message>
        <message>
            <source>Letters</source>
            <translation>المراسلات</translation>
        </message>
        <message>
            <source>Posters</source>
            <translation>المعلّقات</translation>
        </message>
        <message>
            <source>Published on</source>
            <translation>منشور في</translation>
        </message>
        <message>
            <source>Acknowledge new mail automatically (not a response)</source>
            <translation>إشعار آلي بتسلّم البريد الجديد (ليس ردّا)</translation>
        </message>
        <message>
            <source>Fetch this mailbox</source>
            <translation>جلب هذا الصندوق</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>اختبار الاتصال</translation>
        </message>
        <message>
            <source>TLS</source>
            <translation>TLS</translation>
        </message>
        <message>
            <source>STARTTLS</source>
            <translation>STARTTLS</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>المنفذ</translation>
        </message>
        <message>
            <source>Certificates (*.pem *.crt)</source>
            <translation>شهادات (*.pem *.crt)</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>جارٍ الاتصال…</translation>
        </message>
    </context>
    <context>
        <name>MailboxesBox</name>
        <message>
            <source>Published mailboxes (C2.1)</source>
            <translation>صناديق البريد المنشورة (C2.1)</translation>
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
            <source>Fetch now</source>
            <translation>جلب الآن</translation>
        </message>
        <message>
            <source>Prove the addresses</source>
            <translation>التثبّت من العناوين</translation>
        </message>
        <message>
            <source>Send a probe to each published address and check that it arrives (C2.1).</source>
            <translation>إرسال رسالة اختبار إلى كل عنوان منشور والتثبّت من وصولها (C2.1).</translation>
        </message>
        <message>
            <source>Letters…</source>
            <translation>الرسائل…</translation>
        </message>
        <message>
            <source>The acknowledgement, notice and answer sent by e-mail, in Arabic and French</source>
            <translation>الإشعار بالتسلّم والإعلام والرد المرسلة عبر البريد الإلكتروني، بالعربية والفرنسية</translation>
        </message>
        <message>
            <source>not fetched</source>
            <translation>لا يُجلب</translation>
        </message>
        <message>
            <source>Delete mailbox</source>
            <translation>حذف صندوق البريد</translation>
        </message>
        <message>
            <source>Stop using {address}? The requests already received are kept.</source>
            <translation>إيقاف استعمال {address}؟ تُحفظ المطالب الواردة سابقا.</translation>
        </message>
        <message>
            <source>Fetching mail…</source>
            <translation>جارٍ جلب البريد…</translation>
        </message>
        <message>
            <source>Proving the published addresses…</source>
            <translation>جارٍ التثبّت من العناوين المنشورة…</translation>
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
        <message>
            <source>Your rights changed; sign in again.</source>
            <translation>تغيّرت صلاحياتك؛ يُرجى تسجيل الدخول من جديد.</translation>
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
        <name>PurgeHistoryDialog</name>
        <message>
            <source>Past removals of personal data</source>
            <translation>عمليات حذف المعطيات الشخصية السابقة</translation>
        </message>
        <message>
            <source>No personal data has been removed yet.</source>
            <translation>لم يتم حذف أي معطيات شخصية إلى حد الآن.</translation>
        </message>
        <message>
            <source>When</source>
            <translation>التاريخ</translation>
        </message>
        <message>
            <source>By</source>
            <translation>بواسطة</translation>
        </message>
        <message>
            <source>Older than</source>
            <translation>أقدم من</translation>
        </message>
        <message>
            <source>Requests</source>
            <translation>المطالب</translation>
        </message>
        <message>
            <source>References</source>
            <translation>المراجع</translation>
        </message>
    </context>
    <context>
        <name>ReadingSheetDialog</name>
        <message>
            <source>Signed reading sheet</source>
            <translation>ورقة الاطلاع الممضاة</translation>
        </message>
        <message>
            <source>{title}, version {version}</source>
            <translation>{title}، النسخة {version}</translation>
        </message>
        <message>
            <source>Guide</source>
            <translation>الدليل</translation>
        </message>
        <message>
            <source>Agents</source>
            <translation>الأعوان</translation>
        </message>
        <message numerus="yes">
            <source>%n selected</source>
            <translation>
                <numerusform>لا أحد محدّد</numerusform>
                <numerusform>واحد محدّد</numerusform>
                <numerusform>اثنان محدّدان</numerusform>
                <numerusform>%n محدّدين</numerusform>
                <numerusform>%n محدّدًا</numerusform>
                <numerusform>%n محدّد</numerusform>
            </translation>
        </message>
        <message>
            <source>Signed on</source>
            <translation>تاريخ الإمضاء</translation>
        </message>
    </context>
    <context>
        <name>RecognitionDialog</name>
        <message>
            <source>Recognise an agent</source>
            <translation>تكريم عون</translation>
        </message>
        <message>
            <source>e.g. Agent of the quarter, letter of thanks</source>
            <translation>مثال: عون الثلاثية، رسالة شكر</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>العون</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>الفترة</translation>
        </message>
        <message>
            <source>Award</source>
            <translation>التكريم</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>السبب</translation>
        </message>
        <message>
            <source>Awarded on</source>
            <translation>تاريخ الإسناد</translation>
        </message>
    </context>
    <context>
        <name>RecognitionTab</name>
        <message>
            <source>Period</source>
            <translation>الفترة</translation>
        </message>
        <message>
            <source>2026-Q3, 2026-07, 2026 or 2026-07-01..2026-09-30</source>
            <translation>2026-Q3 أو 2026-07 أو 2026 أو 2026-07-01..2026-09-30</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>عرض</translation>
        </message>
        <message>
            <source>Recognise the selected agent…</source>
            <translation>تكريم العون المحدد…</translation>
        </message>
        <message>
            <source>Candidates are ranked on training hours attended and assessment scores in the period, and on call evaluations. The overall score is the mean of the parts the agent has data for, listed under “Based on”.</source>
            <translation>يُرتَّب المترشحون حسب ساعات التكوين التي حضروها وأعداد التقييم خلال الفترة، وحسب تقييم المكالمات. العدد الجملي هو معدل العناصر المتوفرة لكل عون، المبيّنة في خانة «على أساس».</translation>
        </message>
        <message>
            <source>Rank</source>
            <translation>الرتبة</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>العون</translation>
        </message>
        <message>
            <source>Sessions</source>
            <translation>الدورات</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>الساعات</translation>
        </message>
        <message>
            <source>Assessment</source>
            <translation>التقييم</translation>
        </message>
        <message>
            <source>Overall /100</source>
            <translation>المجموع /100</translation>
        </message>
        <message>
            <source>Based on</source>
            <translation>على أساس</translation>
        </message>
        <message>
            <source>Awards</source>
            <translation>التكريمات</translation>
        </message>
        <message>
            <source>Awarded on</source>
            <translation>تاريخ الإسناد</translation>
        </message>
        <message>
            <source>Award</source>
            <translation>التكريم</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>السبب</translation>
        </message>
        <message>
            <source>no data</source>
            <translation>لا معطيات</translation>
        </message>
    </context>
    <context>
        <name>ReinforcementPlanDialog</name>
        <message>
            <source>Peak-period reinforcement</source>
            <translation>التعزيز في فترة الذروة</translation>
        </message>
        <message>
            <source>e.g. school enrolment, local tax deadline</source>
            <translation>مثال: العودة المدرسية، آجال المعاليم البلدية</translation>
        </message>
        <message>
            <source>Peak period</source>
            <translation>فترة الذروة</translation>
        </message>
        <message>
            <source>From</source>
            <translation>من</translation>
        </message>
        <message>
            <source>Until</source>
            <translation>إلى</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>التوقيت</translation>
        </message>
        <message>
            <source>Extra lines</source>
            <translation>خطوط إضافية</translation>
        </message>
        <message>
            <source>Extra agents</source>
            <translation>أعوان إضافيون</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>ملاحظات</translation>
        </message>
    </context>
    <context>
        <name>ReportsPage</name>
        <message>
            <source>Reports</source>
            <translation>التقارير</translation>
        </message>
        <message>
            <source>The periodic evaluation of reception (C8.7): an Excel workbook to sign and send up, with every indicator, the areas' tables and an action plan.</source>
            <translation>التقييم الدوري للاستقبال (C8.7): مصنف Excel للإمضاء والإحالة إلى سلطة الإشراف، يتضمن كل المؤشرات وجداول كل مجال وخطة عمل.</translation>
        </message>
        <message>
            <source>New report</source>
            <translation>تقرير جديد</translation>
        </message>
        <message>
            <source>Quarter</source>
            <translation>ثلاثية</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>شهر</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>سنة</translation>
        </message>
        <message>
            <source>From … to …</source>
            <translation>من … إلى …</translation>
        </message>
        <message>
            <source>Quarter {q}</source>
            <translation>الثلاثية {q}</translation>
        </message>
        <message>
            <source>Where to save the workbook</source>
            <translation>مكان حفظ المصنف</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>اختيار…</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>الفترة</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>اللغة</translation>
        </message>
        <message>
            <source>File</source>
            <translation>الملف</translation>
        </message>
        <message>
            <source>Make the report</source>
            <translation>إعداد التقرير</translation>
        </message>
        <message>
            <source>Print preview of the summary…</source>
            <translation>معاينة طباعة الملخص…</translation>
        </message>
        <message>
            <source>Save the summary as PDF…</source>
            <translation>حفظ الملخص بصيغة PDF…</translation>
        </message>
        <message>
            <source>Save the report</source>
            <translation>حفظ التقرير</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>مصنف Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>Making the report…</source>
            <translation>جارٍ إعداد التقرير…</translation>
        </message>
        <message>
            <source>Report written to {path}.</source>
            <translation>تمت كتابة التقرير في {path}.</translation>
        </message>
        <message>
            <source>Summary of the evaluation</source>
            <translation>ملخص التقييم</translation>
        </message>
        <message>
            <source>Save the summary as PDF</source>
            <translation>حفظ الملخص بصيغة PDF</translation>
        </message>
        <message>
            <source>PDF file (*.pdf)</source>
            <translation>ملف PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Summary saved as {path}.</source>
            <translation>تم حفظ الملخص في {path}.</translation>
        </message>
        <message>
            <source>Cannot write {path}.</source>
            <translation>تعذّرت كتابة {path}.</translation>
        </message>
        <message>
            <source>Indicator</source>
            <translation>المؤشر</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>القيمة</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>الهدف</translation>
        </message>
        <message>
            <source>Previous period</source>
            <translation>الفترة السابقة</translation>
        </message>
        <message>
            <source>State</source>
            <translation>الوضعية</translation>
        </message>
        <message>
            <source>{period}, from {first} to {last}</source>
            <translation>{period}، من {first} إلى {last}</translation>
        </message>
        <message>
            <source>Reports made</source>
            <translation>التقارير المعدّة</translation>
        </message>
        <message>
            <source>Made on</source>
            <translation>تاريخ الإعداد</translation>
        </message>
        <message>
            <source>By</source>
            <translation>من طرف</translation>
        </message>
        <message>
            <source>Open the file</source>
            <translation>فتح الملف</translation>
        </message>
        <message>
            <source>Open its folder</source>
            <translation>فتح المجلد</translation>
        </message>
        <message>
            <source>{path} no longer exists.</source>
            <translation>{path} لم يعد موجودا.</translation>
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
            <source>Responded at</source>
            <translation>تاريخ الرد</translation>
        </message>
        <message>
            <source>Notice: documents to consult or coordination with other bodies</source>
            <translation>إعلام: الرجوع إلى عدة وثائق أو التنسيق مع هياكل عمومية أخرى</translation>
        </message>
        <message>
            <source>Answer announced for</source>
            <translation>موعد الرد المعلن</translation>
        </message>
        <message>
            <source>How the sender was told (if not by the contact)</source>
            <translation>كيف أُعلم المرسل (إن لم يكن عبر وسيلة الاتصال المسجلة)</translation>
        </message>
        <message>
            <source>The answer given, or the documents to consult / the bodies to coordinate with</source>
            <translation>الرد المقدم، أو الوثائق التي يجب الاطلاع عليها / الهياكل التي يجب التنسيق معها</translation>
        </message>
        <message>
            <source>(not assigned)</source>
            <translation>(غير مسند)</translation>
        </message>
        <message>
            <source>Why entered after the fact (dated more than 15 minutes ago)</source>
            <translation>سبب التسجيل اللاحق (تاريخ سابق بأكثر من 15 دقيقة)</translation>
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
            <source>Competent body it was forwarded to</source>
            <translation>الهيكل المختص الذي أُحيل إليه</translation>
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
            <source>{reason}: {detail} — answer announced for {when}</source>
            <translation>{reason}: {detail} — الرد معلن في {when}</translation>
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
            <source>Legal deadline (48 h, C2.1)</source>
            <translation>الأجل القانوني (48 ساعة، C2.1)</translation>
        </message>
        <message>
            <source>Internal target</source>
            <translation>الهدف الداخلي</translation>
        </message>
        <message>
            <source>Notice (C2.1)</source>
            <translation>الإعلام (C2.1)</translation>
        </message>
        <message>
            <source>Closed as</source>
            <translation>أُغلق بصفة</translation>
        </message>
        <message>
            <source>Assigned to</source>
            <translation>مسند إلى</translation>
        </message>
        <message>
            <source>{step} — entered after the fact</source>
            <translation>{step} — سُجّل لاحقا</translation>
        </message>
        <message>
            <source>Recorded on {when}</source>
            <translation>سجل يوم {when}</translation>
        </message>
        <message>
            <source>Reason: {reason}</source>
            <translation>السبب: {reason}</translation>
        </message>
        <message>
            <source>Entered after the fact</source>
            <translation>تسجيل لاحق</translation>
        </message>
        <message>
            <source>This step is dated more than 15 minutes ago. Why is it entered now?</source>
            <translation>تاريخ هذه الخطوة سابق بأكثر من 15 دقيقة. لماذا تُسجَّل الآن؟</translation>
        </message>
        <message>
            <source>Why is it reopened?</source>
            <translation>لماذا أعيد فتحه؟</translation>
        </message>
    </context>
    <context>
        <name>RequestMailBox</name>
        <message>
            <source>documents needed</source>
            <translation>وثائق مطلوبة</translation>
        </message>
        <message>
            <source>coordination with other bodies</source>
            <translation>تنسيق مع هياكل أخرى</translation>
        </message>
        <message>
            <source>Acknowledge by e-mail</source>
            <translation>إشعار بالتسلّم عبر البريد الإلكتروني</translation>
        </message>
        <message>
            <source>Send the response by e-mail</source>
            <translation>إرسال الرد عبر البريد الإلكتروني</translation>
        </message>
        <message>
            <source>Original messages…</source>
            <translation>الرسائل الأصلية…</translation>
        </message>
        <message>
            <source>Letter in</source>
            <translation>لغة الرسالة</translation>
        </message>
        <message>
            <source>Notice for</source>
            <translation>إعلام بسبب</translation>
        </message>
        <message>
            <source>answer by</source>
            <translation>الرد قبل</translation>
        </message>
        <message>
            <source>Not sent, will be retried: {subject} — {error}</source>
            <translation>لم تُرسل، ستُعاد المحاولة: {subject} — {error}</translation>
        </message>
        <message>
            <source>Sent: the mail server accepted it at {when}.</source>
            <translation>أُرسلت: قبلها خادم البريد في {when}.</translation>
        </message>
        <message>
            <source>Not sent: {error}</source>
            <translation>لم تُرسل: {error}</translation>
        </message>
        <message>
            <source>Sending…</source>
            <translation>جارٍ الإرسال…</translation>
        </message>
        <message>
            <source>Original messages</source>
            <translation>الرسائل الأصلية</translation>
        </message>
        <message>
            <source>Open {name}…</source>
            <translation>فتح {name}…</translation>
        </message>
        <message>
            <source>Open attachment</source>
            <translation>فتح المرفق</translation>
        </message>
        <message>
            <source>Open {name}? It came from outside the body; open it only if you trust the sender.</source>
            <translation>فتح {name}؟ هذا الملف ورد من خارج الهيكل؛ لا تفتحه إلا إذا كنت تثق في المرسل.</translation>
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
        <message numerus="yes">
            <source>{file}: rows ready to import: %n; rows with a problem: {invalid}; warnings: {warnings}. Rows already in the register will be skipped.</source>
            <translation>
                <numerusform>{file}: لا سطر جاهز للتوريد، أسطر بها إشكال: {invalid}، تنبيهات: {warnings}. الأسطر الموجودة مسبقا في السجل لن تورد.</numerusform>
                <numerusform>{file}: سطر واحد جاهز للتوريد، أسطر بها إشكال: {invalid}، تنبيهات: {warnings}. الأسطر الموجودة مسبقا في السجل لن تورد.</numerusform>
                <numerusform>{file}: سطران جاهزان للتوريد، أسطر بها إشكال: {invalid}، تنبيهات: {warnings}. الأسطر الموجودة مسبقا في السجل لن تورد.</numerusform>
                <numerusform>{file}: %n أسطر جاهزة للتوريد، أسطر بها إشكال: {invalid}، تنبيهات: {warnings}. الأسطر الموجودة مسبقا في السجل لن تورد.</numerusform>
                <numerusform>{file}: %n سطرًا جاهزًا للتوريد، أسطر بها إشكال: {invalid}، تنبيهات: {warnings}. الأسطر الموجودة مسبقا في السجل لن تورد.</numerusform>
                <numerusform>{file}: %n سطر جاهز للتوريد، أسطر بها إشكال: {invalid}، تنبيهات: {warnings}. الأسطر الموجودة مسبقا في السجل لن تورد.</numerusform>
            </translation>
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
            <source>Past removals of personal data…</source>
            <translation>عمليات حذف المعطيات الشخصية السابقة…</translation>
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
            <source>Overdue after notice: {n}</source>
            <translation>متأخرة بعد الإعلام: {n}</translation>
        </message>
        <message>
            <source>Import a requests register</source>
            <translation>توريد سجل المطالب</translation>
        </message>
        <message>
            <source>Registers (*.xlsx *.csv)</source>
            <translation>السجلات (*.xlsx *.csv)</translation>
        </message>
        <message numerus="yes">
            <source>Requests imported: %n; skipped as already present: {d}.</source>
            <translation>
                <numerusform>لم يُورَّد أيّ مطلب، وترك {d} موجودة مسبقا.</numerusform>
                <numerusform>تمّ توريد مطلب واحد، وترك {d} موجودة مسبقا.</numerusform>
                <numerusform>تمّ توريد مطلبين، وترك {d} موجودة مسبقا.</numerusform>
                <numerusform>تمّ توريد %n مطالب، وترك {d} موجودة مسبقا.</numerusform>
                <numerusform>تمّ توريد %n مطلبًا، وترك {d} موجودة مسبقا.</numerusform>
                <numerusform>تمّ توريد %n مطلب، وترك {d} موجودة مسبقا.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Requests closed, or received and never closed, before {date}, beyond the retention period: %n. Their citizens' names, contacts, texts and timeline notes will be removed for good; references, dates and subjects stay for the statistics. First ones: {refs}. Remove them now?</source>
            <translation>
                <numerusform>لا مطلب أُغلق، أو ورد ولم يُغلق، قبل {date}، بعد انقضاء مدة الحفظ. ستحذف نهائيا أسماء المواطنين واتصالاتهم ونصوصهم وملاحظات المسار؛ وتبقى المراجع والتواريخ والمواضيع للإحصائيات. أولها: {refs}. هل تريد الحذف الآن؟</numerusform>
                <numerusform>مطلب واحد أُغلق، أو ورد ولم يُغلق، قبل {date}، بعد انقضاء مدة الحفظ. ستحذف نهائيا أسماء المواطنين واتصالاتهم ونصوصهم وملاحظات المسار؛ وتبقى المراجع والتواريخ والمواضيع للإحصائيات. أولها: {refs}. هل تريد الحذف الآن؟</numerusform>
                <numerusform>مطلبان أُغلقا، أو وردا ولم يُغلقا، قبل {date}، بعد انقضاء مدة الحفظ. ستحذف نهائيا أسماء المواطنين واتصالاتهم ونصوصهم وملاحظات المسار؛ وتبقى المراجع والتواريخ والمواضيع للإحصائيات. أولها: {refs}. هل تريد الحذف الآن؟</numerusform>
                <numerusform>%n مطالب أُغلقت، أو وردت ولم تُغلق، قبل {date}، بعد انقضاء مدة الحفظ. ستحذف نهائيا أسماء المواطنين واتصالاتهم ونصوصهم وملاحظات المسار؛ وتبقى المراجع والتواريخ والمواضيع للإحصائيات. أولها: {refs}. هل تريد الحذف الآن؟</numerusform>
                <numerusform>%n مطلبًا أُغلقت، أو وردت ولم تُغلق، قبل {date}، بعد انقضاء مدة الحفظ. ستحذف نهائيا أسماء المواطنين واتصالاتهم ونصوصهم وملاحظات المسار؛ وتبقى المراجع والتواريخ والمواضيع للإحصائيات. أولها: {refs}. هل تريد الحذف الآن؟</numerusform>
                <numerusform>%n مطلب أُغلقت، أو وردت ولم تُغلق، قبل {date}، بعد انقضاء مدة الحفظ. ستحذف نهائيا أسماء المواطنين واتصالاتهم ونصوصهم وملاحظات المسار؛ وتبقى المراجع والتواريخ والمواضيع للإحصائيات. أولها: {refs}. هل تريد الحذف الآن؟</numerusform>
            </translation>
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
        <message numerus="yes">
            <source>Requests written to {path}: %n.</source>
            <translation>
                <numerusform>لم يُحفظ أيّ مطلب في {path}.</numerusform>
                <numerusform>تمّ حفظ مطلب واحد في {path}.</numerusform>
                <numerusform>تمّ حفظ مطلبين في {path}.</numerusform>
                <numerusform>تمّ حفظ %n مطالب في {path}.</numerusform>
                <numerusform>تمّ حفظ %n مطلبًا في {path}.</numerusform>
                <numerusform>تمّ حفظ %n مطلب في {path}.</numerusform>
            </translation>
        </message>
        <message>
            <source>No request is older than the retention period ({date}): nothing to remove.</source>
            <translation>لا يوجد أي مطلب أقدم من مدة الحفظ ({date}): لا شيء للحذف.</translation>
        </message>
        <message numerus="yes">
            <source>Requests whose personal data was removed: %n; the removal is recorded.</source>
            <translation>
                <numerusform>لم تُحذف أيّ معطيات شخصية؛ وتمّ تسجيل العملية.</numerusform>
                <numerusform>حُذفت المعطيات الشخصية من مطلب واحد؛ وتمّ تسجيل عملية الحذف.</numerusform>
                <numerusform>حُذفت المعطيات الشخصية من مطلبين؛ وتمّ تسجيل عملية الحذف.</numerusform>
                <numerusform>حُذفت المعطيات الشخصية من %n مطالب؛ وتمّ تسجيل عملية الحذف.</numerusform>
                <numerusform>حُذفت المعطيات الشخصية من %n مطلبًا؛ وتمّ تسجيل عملية الحذف.</numerusform>
                <numerusform>حُذفت المعطيات الشخصية من %n مطلب؛ وتمّ تسجيل عملية الحذف.</numerusform>
            </translation>
        </message>
        <message>
            <source>Istiqbal</source>
            <translation>استقبال</translation>
        </message>
        <message>
            <source>Remove expired personal data</source>
            <translation>حذف المعطيات الشخصية المنتهية</translation>
        </message>
        <message numerus="yes">
            <source>%n request(s) match.</source>
            <translation>
                <numerusform>لا مطلب مطابق.</numerusform>
                <numerusform>مطلب واحد مطابق.</numerusform>
                <numerusform>مطلبان مطابقان.</numerusform>
                <numerusform>%n مطالب مطابقة.</numerusform>
                <numerusform>%n مطلبًا مطابقًا.</numerusform>
                <numerusform>%n مطلب مطابق.</numerusform>
            </translation>
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
            <source>Legal deadline (48 h)</source>
            <translation>الأجل القانوني (48 س)</translation>
        </message>
        <message>
            <source>Internal target</source>
            <translation>الهدف الداخلي</translation>
        </message>
        <message>
            <source>{when} (met)</source>
            <translation>{when} (محترم)</translation>
        </message>
        <message>
            <source>{when} (missed)</source>
            <translation>{when} (غير محترم)</translation>
        </message>
        <message>
            <source>Legal deadline (received + 48 h, C2.1): {when}</source>
            <translation>الأجل القانوني (تاريخ الورود + 48 ساعة، C2.1): {when}</translation>
        </message>
        <message>
            <source>Answer announced for {when}</source>
            <translation>الرد معلن في {when}</translation>
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
    </context>
    <context>
        <name>ScorecardDialog</name>
        <message>
            <source>Edit the scorecard</source>
            <translation>تعديل شبكة التقييم</translation>
        </message>
        <message>
            <source>Version {n} is in use. Saving writes version {next}; the evaluations already recorded keep the version they were scored against, and their scores.</source>
            <translation>النسخة {n} هي المعتمدة حاليًا. الحفظ يُنشئ النسخة {next}؛ وتحتفظ التقييمات المسجّلة سابقًا بالنسخة التي قُيّمت على أساسها وبأعدادها.</translation>
        </message>
        <message>
            <source>Name in Arabic</source>
            <translation>التسمية بالعربية</translation>
        </message>
        <message>
            <source>Name in French</source>
            <translation>التسمية بالفرنسية</translation>
        </message>
        <message>
            <source>Weight</source>
            <translation>الوزن</translation>
        </message>
        <message>
            <source>Training topic</source>
            <translation>محور التكوين</translation>
        </message>
        <message>
            <source>May be not applicable</source>
            <translation>يمكن ألّا ينطبق</translation>
        </message>
        <message>
            <source>Add a criterion</source>
            <translation>إضافة معيار</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>حذف</translation>
        </message>
        <message>
            <source>Move up</source>
            <translation>نقل إلى الأعلى</translation>
        </message>
        <message>
            <source>Move down</source>
            <translation>نقل إلى الأسفل</translation>
        </message>
        <message>
            <source>For example: new criterion after the audit</source>
            <translation>مثال: معيار جديد إثر التدقيق</translation>
        </message>
        <message>
            <source>Why this version</source>
            <translation>سبب هذه النسخة</translation>
        </message>
        <message>
            <source>Save as version {next}</source>
            <translation>حفظ بوصفها النسخة {next}</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>إلغاء</translation>
        </message>
        <message>
            <source>The indicators rely on this criterion: it can be re-weighted, not removed.</source>
            <translation>تعتمد المؤشرات على هذا المعيار: يمكن تغيير وزنه دون حذفه.</translation>
        </message>
        <message>
            <source>Total of the weights: {total}. It need not be 100: each criterion counts in proportion to its weight among those that apply to the call (each weight from 1 to 100).</source>
            <translation>مجموع الأوزان: {total}. لا يُشترط أن يساوي 100: يُحتسب كل معيار بنسبة وزنه من بين المعايير المنطبقة على المكالمة (كل وزن من 1 إلى 100).</translation>
        </message>
    </context>
    <context>
        <name>ServiceDialog</name>
        <message>
            <source>Edit online service</source>
            <translation>تعديل خدمة عن بعد</translation>
        </message>
        <message>
            <source>New online service</source>
            <translation>خدمة عن بعد جديدة</translation>
        </message>
        <message>
            <source>Its link is on the body's website</source>
            <translation>رابطها منشور بموقع الهيكل</translation>
        </message>
        <message>
            <source>Listed on the national portal</source>
            <translation>مدرجة بالبوابة الوطنية</translation>
        </message>
        <message>
            <source>Withdrawn (kept for history)</source>
            <translation>مسحوبة (محفوظة للأرشيف)</translation>
        </message>
        <message>
            <source>Name in Arabic</source>
            <translation>التسمية بالعربية</translation>
        </message>
        <message>
            <source>Name in French</source>
            <translation>التسمية بالفرنسية</translation>
        </message>
        <message>
            <source>Link</source>
            <translation>الرابط</translation>
        </message>
        <message>
            <source>Responsible unit</source>
            <translation>الوحدة المسؤولة</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>الوصف</translation>
        </message>
        <message>
            <source>Who may use it</source>
            <translation>المنتفعون بها</translation>
        </message>
        <message>
            <source>Documents and prerequisites</source>
            <translation>الوثائق والشروط المسبقة</translation>
        </message>
        <message>
            <source>Accessibility notes</source>
            <translation>ملاحظات حول النفاذ</translation>
        </message>
    </context>
    <context>
        <name>ServicesPage</name>
        <message>
            <source>Online services</source>
            <translation>الخدمات عن بعد</translation>
        </message>
        <message>
            <source>Keep the list of the body's e-services, with a clear description of each and what is needed to use it, links that work and are easy to reach (C2.2).</source>
            <translation>ضبط قائمة الخدمات عن بعد للهيكل، مع وصف واضح لكل خدمة ومتطلبات استعمالها، وروابط تعمل ويسهل الوصول إليها (C2.2).</translation>
        </message>
        <message>
            <source>New service…</source>
            <translation>خدمة جديدة…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>تعديل…</translation>
        </message>
        <message>
            <source>Mark reviewed today</source>
            <translation>تمّت المراجعة اليوم</translation>
        </message>
        <message>
            <source>Check the links</source>
            <translation>التثبت من الروابط</translation>
        </message>
        <message>
            <source>Public directory…</source>
            <translation>دليل الاتصال العمومي…</translation>
        </message>
        <message>
            <source>Show withdrawn services</source>
            <translation>إظهار الخدمات المسحوبة</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>الخدمة</translation>
        </message>
        <message>
            <source>Responsible unit</source>
            <translation>الوحدة المسؤولة</translation>
        </message>
        <message>
            <source>Link</source>
            <translation>الرابط</translation>
        </message>
        <message>
            <source>Website</source>
            <translation>موقع الواب</translation>
        </message>
        <message>
            <source>National portal</source>
            <translation>البوابة الوطنية</translation>
        </message>
        <message>
            <source>Latest check</source>
            <translation>آخر تثبت</translation>
        </message>
        <message>
            <source>Reviewed</source>
            <translation>تاريخ المراجعة</translation>
        </message>
        <message>
            <source>Checklist</source>
            <translation>قائمة التثبت</translation>
        </message>
        <message>
            <source>What fails</source>
            <translation>النقائص</translation>
        </message>
        <message>
            <source>Catalogue</source>
            <translation>الدليل</translation>
        </message>
        <message>
            <source>Failing the checklist</source>
            <translation>غير مستوفية لقائمة التثبت</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>نعم</translation>
        </message>
        <message>
            <source>No</source>
            <translation>لا</translation>
        </message>
        <message>
            <source>never</source>
            <translation>أبدا</translation>
        </message>
        <message>
            <source>works</source>
            <translation>يعمل</translation>
        </message>
        <message>
            <source>fails</source>
            <translation>لا يعمل</translation>
        </message>
        <message>
            <source>withdrawn {date}</source>
            <translation>مسحوبة في {date}</translation>
        </message>
        <message numerus="yes">
            <source>%n of {n} points</source>
            <translation>
                <numerusform>لا نقطة من {n}</numerusform>
                <numerusform>نقطة واحدة من {n}</numerusform>
                <numerusform>نقطتان من {n}</numerusform>
                <numerusform>%n نقاط من {n}</numerusform>
                <numerusform>%n نقطة من {n}</numerusform>
                <numerusform>%n نقطة من {n}</numerusform>
            </translation>
        </message>
        <message>
            <source>Failing the checklist ({n})</source>
            <translation>غير مستوفية لقائمة التثبت ({n})</translation>
        </message>
        <message>
            <source>Select a service to see its details.</source>
            <translation>اختر خدمة لعرض تفاصيلها.</translation>
        </message>
        <message>
            <source>Description: {text}</source>
            <translation>الوصف: {text}</translation>
        </message>
        <message>
            <source>Who may use it: {text}</source>
            <translation>المنتفعون: {text}</translation>
        </message>
        <message>
            <source>Documents and prerequisites: {text}</source>
            <translation>الوثائق والشروط المسبقة: {text}</translation>
        </message>
        <message>
            <source>Accessibility notes: {text}</source>
            <translation>ملاحظات حول النفاذ: {text}</translation>
        </message>
        <message>
            <source>Reviewed on {date} by {name}</source>
            <translation>روجعت في {date} من قبل {name}</translation>
        </message>
        <message>
            <source>Checklist:</source>
            <translation>قائمة التثبت:</translation>
        </message>
        <message>
            <source>Link checks:</source>
            <translation>عمليات التثبت من الرابط:</translation>
        </message>
        <message>
            <source>Checking the links of the online services…</source>
            <translation>جارٍ التثبت من روابط الخدمات عن بعد…</translation>
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
            <source>Working hours (skip nights, weekends, holidays)</source>
            <translation>ساعات العمل (دون الليالي والعطل الأسبوعية والأعياد)</translation>
        </message>
        <message>
            <source>Warn before the deadline (hours)</source>
            <translation>التنبيه قبل انقضاء الأجل (ساعات)</translation>
        </message>
        <message>
            <source>Legal deadline: 48 hours after receipt, always (circular 2/2020, C2.1). The settings below only set the body's internal target, which can be shorter, never longer.</source>
            <translation>الأجل القانوني: 48 ساعة من تاريخ الورود في كل الحالات (المنشور 2/2020، C2.1). الإعدادات أدناه تضبط فقط الهدف الداخلي للهيكل، ويمكن أن يكون أقصر لا أطول.</translation>
        </message>
        <message>
            <source>Particular categories of users…</source>
            <translation>الفئات الخاصة من المتعاملين…</translation>
        </message>
        <message>
            <source>The categories of users that requests, training sessions and the report count (C8.6).</source>
            <translation>فئات المتعاملين التي تحتسبها المطالب ودورات التكوين والتقرير (C8.6).</translation>
        </message>
        <message>
            <source>Calendar hours, nights and holidays included</source>
            <translation>ساعات متتالية، بما فيها الليالي والعطل</translation>
        </message>
        <message>
            <source>Internal target clock</source>
            <translation>طريقة احتساب الهدف الداخلي</translation>
        </message>
        <message>
            <source>Internal target: answer or notice within (hours, at most 48)</source>
            <translation>الهدف الداخلي: الرد أو الإعلام في أجل (ساعات، 48 على الأكثر)</translation>
        </message>
        <message>
            <source>Pick up in less than (seconds, at most 300, C8.2)</source>
            <translation>الرد على المكالمة في أقل من (ثوان، 300 على الأكثر، C8.2)</translation>
        </message>
        <message>
            <source>Call a missed caller back within (hours, C2.4)</source>
            <translation>معاودة الاتصال بمن لم يُردّ عليه في أجل (ساعات، C2.4)</translation>
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
            <source>Found on this computer</source>
            <translation>متوفّر على هذا الحاسوب</translation>
        </message>
        <message>
            <source>No secure password store on this computer</source>
            <translation>لا يوجد مخزن آمن لكلمات العبور على هذا الحاسوب</translation>
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
            <source>Fetch mail every (minutes, 0 = never)</source>
            <translation>جلب البريد كل (دقائق، 0 = أبدا)</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>جارٍ التثبت…</translation>
        </message>
        <message>
            <source>Largest message accepted (MB)</source>
            <translation>أكبر حجم مقبول للرسالة (ميغابايت)</translation>
        </message>
        <message>
            <source>Targets of the indicators</source>
            <translation>أهداف المؤشرات</translation>
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
            <source>Website and online services</source>
            <translation>موقع الواب والخدمات عن بعد</translation>
        </message>
        <message>
            <source>Home page of the website</source>
            <translation>الصفحة الرئيسية للموقع</translation>
        </message>
        <message>
            <source>Other pages to read (contact page…), separated by spaces.</source>
            <translation>صفحات أخرى تُقرأ (صفحة الاتصال…)، يفصل بينها فراغ.</translation>
        </message>
        <message>
            <source>Other pages to read</source>
            <translation>صفحات أخرى تُقرأ</translation>
        </message>
        <message>
            <source>Pages read at most</source>
            <translation>أقصى عدد من الصفحات</translation>
        </message>
        <message>
            <source>Review each service every (days)</source>
            <translation>مراجعة كل خدمة كل (أيام)</translation>
        </message>
        <message>
            <source>Check the links every (hours)</source>
            <translation>التثبت من الروابط كل (ساعات)</translation>
        </message>
        <message>
            <source>Phrases in Arabic or French, separated by “;”.</source>
            <translation>عبارات بالعربية أو بالفرنسية، يفصل بينها «;».</translation>
        </message>
        <message>
            <source>Phrases of a “not found” page</source>
            <translation>عبارات صفحة «غير موجودة»</translation>
        </message>
        <message>
            <source>Phrases of a login page</source>
            <translation>عبارات صفحة تسجيل الدخول</translation>
        </message>
        <message>
            <source>max. </source>
            <translation>حدّ أقصى </translation>
        </message>
        <message>
            <source>min. </source>
            <translation>حدّ أدنى </translation>
        </message>
        <message>
            <source>at most, lower is better</source>
            <translation>حدّ أقصى، الأقلّ أفضل</translation>
        </message>
        <message>
            <source>at least, higher is better</source>
            <translation>حدّ أدنى، الأعلى أفضل</translation>
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
        <name>TrainingPage</name>
        <message>
            <source>Training and guides</source>
            <translation>التكوين والأدلة</translation>
        </message>
        <message>
            <source>Train agents periodically, keep them informed of legal changes, give them current guides and working equipment, and reward the best (C8.3, C8.5, C8.6).</source>
            <translation>تكوين الأعوان دوريا، وإعلامهم بالمستجدات القانونية، وتمكينهم من أدلة محينة وتجهيزات صالحة، وتكريم المتميزين (C8.3، C8.5، C8.6).</translation>
        </message>
        <message>
            <source>Sessions</source>
            <translation>الدورات</translation>
        </message>
        <message>
            <source>Training plan</source>
            <translation>مخطط التكوين</translation>
        </message>
        <message>
            <source>Guides and manuals</source>
            <translation>الأدلة وكتيبات الإجراءات</translation>
        </message>
        <message>
            <source>Legal updates</source>
            <translation>المستجدات القانونية</translation>
        </message>
        <message>
            <source>Equipment</source>
            <translation>التجهيزات</translation>
        </message>
        <message>
            <source>Recognition</source>
            <translation>التكريم</translation>
        </message>
    </context>
    <context>
        <name>TrainingPlanTab</name>
        <message>
            <source>New rule…</source>
            <translation>قاعدة جديدة…</translation>
        </message>
        <message>
            <source>Edit rule…</source>
            <translation>تعديل القاعدة…</translation>
        </message>
        <message>
            <source>Also what falls due in the next 30 days</source>
            <translation>وكذلك ما يحل أجله خلال 30 يوما القادمة</translation>
        </message>
        <message>
            <source>Rule</source>
            <translation>القاعدة</translation>
        </message>
        <message>
            <source>Topic</source>
            <translation>المحور</translation>
        </message>
        <message>
            <source>Every</source>
            <translation>كل</translation>
        </message>
        <message>
            <source>First time within</source>
            <translation>أول مرة في أجل</translation>
        </message>
        <message>
            <source>Applies from</source>
            <translation>سارية منذ</translation>
        </message>
        <message>
            <source>In force</source>
            <translation>سارية</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>العون</translation>
        </message>
        <message>
            <source>Due since</source>
            <translation>مستحق منذ</translation>
        </message>
        <message>
            <source>Last trained</source>
            <translation>آخر تكوين</translation>
        </message>
        <message>
            <source>Days late</source>
            <translation>أيام التأخير</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>نعم</translation>
        </message>
        <message>
            <source>No</source>
            <translation>لا</translation>
        </message>
        <message numerus="yes">
            <source>%n mo</source>
            <translation>
                <numerusform>%n شهر</numerusform>
                <numerusform>شهر واحد</numerusform>
                <numerusform>شهران</numerusform>
                <numerusform>%n أشهر</numerusform>
                <numerusform>%n شهرًا</numerusform>
                <numerusform>%n شهر</numerusform>
            </translation>
        </message>
        <message>
            <source>Once</source>
            <translation>مرة واحدة</translation>
        </message>
        <message>
            <source>never</source>
            <translation>أبدا</translation>
        </message>
        <message>
            <source>due soon</source>
            <translation>قريب الأجل</translation>
        </message>
        <message numerus="yes">
            <source>%n agent(s) do not meet the training plan today.</source>
            <translation>
                <numerusform>لا عون خارج مخطط التكوين اليوم.</numerusform>
                <numerusform>عون واحد لا يستوفي مخطط التكوين اليوم.</numerusform>
                <numerusform>عونان لا يستوفيان مخطط التكوين اليوم.</numerusform>
                <numerusform>%n أعوان لا يستوفون مخطط التكوين اليوم.</numerusform>
                <numerusform>%n عونًا لا يستوفون مخطط التكوين اليوم.</numerusform>
                <numerusform>%n عون لا يستوفون مخطط التكوين اليوم.</numerusform>
            </translation>
        </message>
        <message>
            <source>Every active agent meets the training plan.</source>
            <translation>كل الأعوان المباشرين يستوفون مخطط التكوين.</translation>
        </message>
    </context>
    <context>
        <name>TrainingRuleDialog</name>
        <message>
            <source>Training plan rule</source>
            <translation>قاعدة من مخطط التكوين</translation>
        </message>
        <message>
            <source>e.g. Every agent trained once a year</source>
            <translation>مثال: تكوين كل عون مرة في السنة</translation>
        </message>
        <message>
            <source>Once only</source>
            <translation>مرة واحدة فقط</translation>
        </message>
        <message>
            <source> months</source>
            <translation> أشهر</translation>
        </message>
        <message>
            <source>In force</source>
            <translation>سارية</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>الاسم</translation>
        </message>
        <message>
            <source>Topic</source>
            <translation>المحور</translation>
        </message>
        <message>
            <source>Repeat every</source>
            <translation>تتكرر كل</translation>
        </message>
        <message>
            <source>First time within</source>
            <translation>أول مرة في أجل</translation>
        </message>
        <message>
            <source>Applies from</source>
            <translation>سارية منذ</translation>
        </message>
    </context>
    <context>
        <name>TrainingSessionDialog</name>
        <message>
            <source>Edit training session</source>
            <translation>تعديل الدورة التكوينية</translation>
        </message>
        <message>
            <source>Copy training session</source>
            <translation>نسخ الدورة التكوينية</translation>
        </message>
        <message>
            <source>New training session</source>
            <translation>دورة تكوينية جديدة</translation>
        </message>
        <message>
            <source>e.g. Welcoming callers and naming the body</source>
            <translation>مثال: استقبال المتصلين وذكر اسم الهيكل</translation>
        </message>
        <message>
            <source>On site</source>
            <translation>حضوري</translation>
        </message>
        <message>
            <source>Remote</source>
            <translation>عن بعد</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>العنوان</translation>
        </message>
        <message>
            <source>Topic</source>
            <translation>المحور</translation>
        </message>
        <message>
            <source>All particular categories</source>
            <translation>كل الفئات الخاصة</translation>
        </message>
        <message>
            <source>Particular category (C8.6)</source>
            <translation>الفئة الخاصة (C8.6)</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>الساعات</translation>
        </message>
        <message>
            <source>Mode</source>
            <translation>الصيغة</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>التاريخ</translation>
        </message>
        <message>
            <source>Trainer</source>
            <translation>المكون</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>ملاحظات</translation>
        </message>
        <message>
            <source>Reuse the material of the copied session</source>
            <translation>استعمال سند الدورة المنسوخة</translation>
        </message>
        <message>
            <source>Attach a file…</source>
            <translation>إرفاق ملف…</translation>
        </message>
        <message>
            <source>Material</source>
            <translation>السند</translation>
        </message>
        <message>
            <source>Attendees (Space ticks the selected agent):</source>
            <translation>الحاضرون (مفتاح المسافة يؤشر على العون المحدد):</translation>
        </message>
        <message>
            <source>No file</source>
            <translation>لا ملف</translation>
        </message>
        <message>
            <source>Training material</source>
            <translation>سند التكوين</translation>
        </message>
    </context>
    <context>
        <name>TrainingSessionsTab</name>
        <message>
            <source>New session…</source>
            <translation>دورة جديدة…</translation>
        </message>
        <message>
            <source>Ctrl+N</source>
            <translation>Ctrl+N</translation>
        </message>
        <message>
            <source>Copy…</source>
            <translation>نسخ…</translation>
        </message>
        <message>
            <source>Same content for another group or day (Ctrl+D)</source>
            <translation>نفس المحتوى لمجموعة أو يوم آخر (Ctrl+D)</translation>
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
            <source>Save the material…</source>
            <translation>حفظ السند…</translation>
        </message>
        <message>
            <source>Search title or trainer…</source>
            <translation>بحث بالعنوان أو المكون…</translation>
        </message>
        <message>
            <source>Attendee</source>
            <translation>المشارك</translation>
        </message>
        <message>
            <source>Attended</source>
            <translation>حضر</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>العدد</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>نعم</translation>
        </message>
        <message>
            <source>Absent</source>
            <translation>غائب</translation>
        </message>
        <message>
            <source>Delete the session</source>
            <translation>حذف الدورة</translation>
        </message>
        <message>
            <source>Delete “{title}” and its attendance list?</source>
            <translation>حذف «{title}» وقائمة حضورها؟</translation>
        </message>
        <message>
            <source>Save the material</source>
            <translation>حفظ السند</translation>
        </message>
    </context>
    <context>
        <name>TrainingSessionsTableModel</name>
        <message>
            <source>Date</source>
            <translation>التاريخ</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>العنوان</translation>
        </message>
        <message>
            <source>Topic</source>
            <translation>المحور</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>الساعات</translation>
        </message>
        <message>
            <source>Trainer</source>
            <translation>المكون</translation>
        </message>
        <message>
            <source>Mode</source>
            <translation>الصيغة</translation>
        </message>
        <message>
            <source>Attended</source>
            <translation>حضر</translation>
        </message>
        <message>
            <source>Material</source>
            <translation>السند</translation>
        </message>
        <message>
            <source>Remote</source>
            <translation>عن بعد</translation>
        </message>
        <message>
            <source>On site</source>
            <translation>حضوري</translation>
        </message>
        <message>
            <source>{attended} of {invited}</source>
            <translation>{attended} من {invited}</translation>
        </message>
    </context>
    <context>
        <name>TrendChart</name>
        <message>
            <source>No evaluation yet</source>
            <translation>لا يوجد تقييم بعد</translation>
        </message>
    </context>
    <context>
        <name>UserCategoriesDialog</name>
        <message>
            <source>Particular categories of users (C8.6)</source>
            <translation>الفئات الخاصة من المتعاملين (C8.6)</translation>
        </message>
        <message>
            <source>Circular 18/2019 says which users need particular care. New requests and training sessions offer the categories in use; a deactivated one stays on past requests and in the reports.</source>
            <translation>يحدّد المنشور عدد 18 لسنة 2019 المتعاملين الذين يحتاجون عناية خاصة. تقترح المطالب ودورات التكوين الجديدة الفئات المعتمدة؛ أمّا الفئة الموقوفة فتبقى على المطالب السابقة وفي التقارير.</translation>
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
            <source>In use</source>
            <translation>معتمدة</translation>
        </message>
        <message>
            <source>Requests and sessions</source>
            <translation>المطالب والدورات</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>إضافة…</translation>
        </message>
        <message>
            <source>Rename…</source>
            <translation>تغيير الاسم…</translation>
        </message>
        <message>
            <source>Deactivate</source>
            <translation>إيقاف الاعتماد</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>حذف</translation>
        </message>
        <message>
            <source>Only a category that no request or session carries; otherwise deactivate it.</source>
            <translation>فقط فئة لا يحملها أيّ مطلب أو دورة؛ وإلّا فأوقف اعتمادها.</translation>
        </message>
        <message>
            <source>Only an administrator or a reception supervisor can change this list.</source>
            <translation>لا يغيّر هذه القائمة إلّا المشرف على النظام أو مسؤول الاستقبال.</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>نعم</translation>
        </message>
        <message>
            <source>No, past data only</source>
            <translation>لا، للبيانات السابقة فقط</translation>
        </message>
        <message>
            <source>Bring back into use</source>
            <translation>إعادة الاعتماد</translation>
        </message>
        <message>
            <source>New category</source>
            <translation>فئة جديدة</translation>
        </message>
        <message>
            <source>Rename the category</source>
            <translation>تغيير اسم الفئة</translation>
        </message>
        <message>
            <source>Delete the category</source>
            <translation>حذف الفئة</translation>
        </message>
        <message>
            <source>Delete “{name}” from the list?</source>
            <translation>هل تحذف «{name}» من القائمة؟</translation>
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
        <name>VerificationRoundDialog</name>
        <message>
            <source>Verification round</source>
            <translation>جولة المراقبة</translation>
        </message>
        <message>
            <source>Notes (optional), e.g. who answered</source>
            <translation>ملاحظات (اختياري)، مثال: من ردّ</translation>
        </message>
        <message>
            <source>Skip this line</source>
            <translation>تجاوز هذا الخط</translation>
        </message>
        <message>
            <source>Stop the round</source>
            <translation>إيقاف الجولة</translation>
        </message>
        <message>
            <source>Round finished. Lines checked: {n}.</source>
            <translation>انتهت الجولة. عدد الخطوط المراقَبة: {n}.</translation>
        </message>
        <message>
            <source>Every line due has been seen.</source>
            <translation>تمت معاينة كل الخطوط المستوجبة.</translation>
        </message>
        <message>
            <source>Line {i} of {n}</source>
            <translation>الخط {i} من {n}</translation>
        </message>
        <message>
            <source>Last checked {when}: {result}</source>
            <translation>آخر مراقبة {when}: {result}</translation>
        </message>
        <message>
            <source>Never checked</source>
            <translation>لم تتم مراقبته أبدًا</translation>
        </message>
    </context>
    <context>
        <name>WebsiteAuditDialog</name>
        <message>
            <source>Website audit</source>
            <translation>تدقيق موقع الواب</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>الرقم</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>الخط</translation>
        </message>
        <message>
            <source>Finding</source>
            <translation>الملاحظة</translation>
        </message>
        <message>
            <source>Written as</source>
            <translation>كما كُتب</translation>
        </message>
        <message>
            <source>Audit the website now</source>
            <translation>تدقيق الموقع الآن</translation>
        </message>
        <message>
            <source>Confirm “on website” for this line</source>
            <translation>تأكيد «منشور بالموقع» لهذا الخط</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>إغلاق</translation>
        </message>
        <message>
            <source>The website has not been audited yet.</source>
            <translation>لم يقع تدقيق الموقع بعد.</translation>
        </message>
        <message>
            <source>Audit of {url} on {when}.</source>
            <translation>تدقيق {url} بتاريخ {when}.</translation>
        </message>
        <message>
            <source>Pages read: {n}.</source>
            <translation>الصفحات المقروءة: {n}.</translation>
        </message>
        <message>
            <source>The published e-mail address is on the front page (C2.1).</source>
            <translation>عنوان البريد الإلكتروني المنشور موجود بالصفحة الرئيسية (C2.1).</translation>
        </message>
        <message>
            <source>The published e-mail address is NOT on the front page (C2.1).</source>
            <translation>عنوان البريد الإلكتروني المنشور غير موجود بالصفحة الرئيسية (C2.1).</translation>
        </message>
        <message>
            <source>Reading the website…</source>
            <translation>جارٍ قراءة الموقع…</translation>
        </message>
    </context>
    <context>
        <name>agents</name>
        <message>
            <source>This agent no longer exists.</source>
            <translation>هذا العون لم يعد موجودا.</translation>
        </message>
        <message>
            <source>Give the agent's name in Arabic or in French.</source>
            <translation>أدخل اسم العون بالعربية أو بالفرنسية.</translation>
        </message>
        <message>
            <source>The end date comes before the start date.</source>
            <translation>تاريخ النهاية سابق لتاريخ البداية.</translation>
        </message>
        <message>
            <source>The staff number {number} is already given to another agent.</source>
            <translation>المعرف {number} مسند لعون آخر.</translation>
        </message>
        <message>
            <source>The chosen user account does not exist.</source>
            <translation>حساب المستخدم المختار غير موجود.</translation>
        </message>
        <message>
            <source>This user account is already linked to another agent.</source>
            <translation>حساب المستخدم هذا مرتبط بعون آخر.</translation>
        </message>
        <message>
            <source>The chosen reception post does not exist.</source>
            <translation>مركز الاستقبال المختار غير موجود.</translation>
        </message>
        <message>
            <source>One of the chosen lines no longer exists.</source>
            <translation>أحد الخطوط المختارة لم يعد موجودا.</translation>
        </message>
        <message>
            <source>Any topic</source>
            <translation>كل المحاور</translation>
        </message>
        <message>
            <source>Reception and guidance techniques</source>
            <translation>تقنيات الاستقبال والإرشاد</translation>
        </message>
        <message>
            <source>Legal and procedural update</source>
            <translation>المستجدات القانونية والإجرائية</translation>
        </message>
        <message>
            <source>Particular categories of users</source>
            <translation>الفئات الخصوصية من المتعاملين</translation>
        </message>
        <message>
            <source>Equipment and tools</source>
            <translation>التجهيزات والأدوات</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>أخرى</translation>
        </message>
        <message>
            <source>“{topic}” is not a training topic.</source>
            <translation>«{topic}» ليس محورا تكوينيا.</translation>
        </message>
        <message>
            <source>The file {name} is larger than {limit} MB; attach a smaller one.</source>
            <translation>حجم الملف {name} يتجاوز {limit} ميغابايت؛ أرفق ملفا أصغر.</translation>
        </message>
        <message>
            <source>The file {name} cannot be read.</source>
            <translation>تعذرت قراءة الملف {name}.</translation>
        </message>
        <message>
            <source>An attached file needs a name.</source>
            <translation>الملف المرفق يحتاج إلى اسم.</translation>
        </message>
        <message>
            <source>The stored file {name} is damaged.</source>
            <translation>الملف المحفوظ {name} تالف.</translation>
        </message>
        <message>
            <source>Someone else changed this record meanwhile; reopen it and try again.</source>
            <translation>غيّر شخص آخر هذا السجل في الأثناء؛ أعد فتحه وحاول مجددا.</translation>
        </message>
    </context>
    <context>
        <name>audit</name>
        <message>
            <source>Acknowledged</source>
            <translation>تمّ الاطلاع</translation>
        </message>
        <message>
            <source>Maintenance added</source>
            <translation>إضافة صيانة</translation>
        </message>
        <message>
            <source>Answered</source>
            <translation>تمّ الرد</translation>
        </message>
        <message>
            <source>Assigned</source>
            <translation>إسناد</translation>
        </message>
        <message>
            <source>File attached</source>
            <translation>إرفاق ملف</translation>
        </message>
        <message>
            <source>Forwarding cancelled</source>
            <translation>إلغاء التحويل</translation>
        </message>
        <message>
            <source>Password changed</source>
            <translation>تغيير كلمة العبور</translation>
        </message>
        <message>
            <source>Checked</source>
            <translation>مراقبة</translation>
        </message>
        <message>
            <source>Check withdrawn</source>
            <translation>سُحب التثبت</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>غلق</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>إحداث</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation>حذف</translation>
        </message>
        <message>
            <source>Maintenance deleted</source>
            <translation>حذف صيانة</translation>
        </message>
        <message>
            <source>Demo data</source>
            <translation>بيانات تجريبية</translation>
        </message>
        <message>
            <source>Forwarding ended</source>
            <translation>إنهاء التحويل</translation>
        </message>
        <message>
            <source>Exported</source>
            <translation>تصدير</translation>
        </message>
        <message>
            <source>Forwarded</source>
            <translation>تحويل</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>توريد</translation>
        </message>
        <message>
            <source>Signed in</source>
            <translation>دخول</translation>
        </message>
        <message>
            <source>Sign-in refused</source>
            <translation>رفض الدخول</translation>
        </message>
        <message>
            <source>Maintenance done</source>
            <translation>إنجاز الصيانة</translation>
        </message>
        <message>
            <source>New version</source>
            <translation>نسخة جديدة</translation>
        </message>
        <message>
            <source>Came back undelivered</source>
            <translation>عاد دون أن يُسلَّم</translation>
        </message>
        <message>
            <source>Waiting notice sent</source>
            <translation>إرسال إعلام بالانتظار</translation>
        </message>
        <message>
            <source>Purged</source>
            <translation>إتلاف</translation>
        </message>
        <message>
            <source>Reopened</source>
            <translation>إعادة فتح</translation>
        </message>
        <message>
            <source>Fault repaired</source>
            <translation>إصلاح عطب</translation>
        </message>
        <message>
            <source>Fault reported</source>
            <translation>تسجيل عطب</translation>
        </message>
        <message>
            <source>Password reset</source>
            <translation>إعادة تعيين كلمة العبور</translation>
        </message>
        <message>
            <source>Reviewed</source>
            <translation>تمّت المراجعة</translation>
        </message>
        <message>
            <source>Saved</source>
            <translation>حفظ</translation>
        </message>
        <message>
            <source>Initial data</source>
            <translation>بيانات أولية</translation>
        </message>
        <message>
            <source>Changed</source>
            <translation>تعديل</translation>
        </message>
        <message>
            <source>Response withdrawn (undelivered)</source>
            <translation>سُحب الردّ (لم يُسلَّم)</translation>
        </message>
        <message>
            <source>Reception agent</source>
            <translation>عون استقبال</translation>
        </message>
        <message>
            <source>Calendar</source>
            <translation>الرزنامة</translation>
        </message>
        <message>
            <source>Call-back to a caller</source>
            <translation>معاودة الاتصال بمتصل</translation>
        </message>
        <message>
            <source>Call evaluation</source>
            <translation>تقييم مكالمة</translation>
        </message>
        <message>
            <source>Call records</source>
            <translation>سجلات المكالمات</translation>
        </message>
        <message>
            <source>Citizens' personal data</source>
            <translation>المعطيات الشخصية للمواطنين</translation>
        </message>
        <message>
            <source>Reception guide</source>
            <translation>دليل الاستقبال</translation>
        </message>
        <message>
            <source>Public holiday</source>
            <translation>عطلة رسمية</translation>
        </message>
        <message>
            <source>Legal update</source>
            <translation>مستجد قانوني</translation>
        </message>
        <message>
            <source>Mystery-call campaign</source>
            <translation>حملة المواطن الرقيب</translation>
        </message>
        <message>
            <source>Online service</source>
            <translation>خدمة عن بعد</translation>
        </message>
        <message>
            <source>Phone line</source>
            <translation>خط هاتفي</translation>
        </message>
        <message>
            <source>Website</source>
            <translation>موقع الواب</translation>
        </message>
        <message>
            <source>Reception post equipment</source>
            <translation>تجهيزات مركز الاستقبال</translation>
        </message>
        <message>
            <source>Reception post</source>
            <translation>مركز الاستقبال</translation>
        </message>
        <message>
            <source>Recognition</source>
            <translation>تكريم</translation>
        </message>
        <message>
            <source>Reinforcement plan</source>
            <translation>خطة التدعيم</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>تقرير</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>البريد الإلكتروني</translation>
        </message>
        <message>
            <source>E-mail address probe</source>
            <translation>التثبّت من عنوان بريد إلكتروني</translation>
        </message>
        <message>
            <source>E-mail to a citizen</source>
            <translation>بريد إلكتروني إلى مواطن</translation>
        </message>
        <message>
            <source>Mailbox</source>
            <translation>صندوق البريد</translation>
        </message>
        <message>
            <source>Citizen's request</source>
            <translation>مطلب مواطن</translation>
        </message>
        <message>
            <source>Evaluation scorecard</source>
            <translation>شبكة التقييم</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>الإعدادات</translation>
        </message>
        <message>
            <source>Office hours</source>
            <translation>توقيت العمل</translation>
        </message>
        <message>
            <source>Training rule</source>
            <translation>قاعدة التكوين</translation>
        </message>
        <message>
            <source>Training session</source>
            <translation>دورة تكوينية</translation>
        </message>
        <message>
            <source>Particular category of users</source>
            <translation>فئة خاصة من المتعاملين</translation>
        </message>
        <message>
            <source>User</source>
            <translation>مستعمل</translation>
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
        <message numerus="yes">
            <source>Too many wrong tries: try again in %n s.</source>
            <translation>
                <numerusform>محاولات خاطئة كثيرة: أعد المحاولة بعد %n ثانية.</numerusform>
                <numerusform>محاولات خاطئة كثيرة: أعد المحاولة بعد ثانية واحدة.</numerusform>
                <numerusform>محاولات خاطئة كثيرة: أعد المحاولة بعد ثانيتين.</numerusform>
                <numerusform>محاولات خاطئة كثيرة: أعد المحاولة بعد %n ثوانٍ.</numerusform>
                <numerusform>محاولات خاطئة كثيرة: أعد المحاولة بعد %n ثانية.</numerusform>
                <numerusform>محاولات خاطئة كثيرة: أعد المحاولة بعد %n ثانية.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>callbacks</name>
        <message>
            <source>Reached</source>
            <translation>تمّ التواصل</translation>
        </message>
        <message>
            <source>No answer</source>
            <translation>دون رد</translation>
        </message>
        <message>
            <source>Wrong number</source>
            <translation>رقم خاطئ</translation>
        </message>
        <message>
            <source>“{number}” is not a number that can be called back.</source>
            <translation>«{number}» ليس رقمًا يمكن معاودة الاتصال به.</translation>
        </message>
        <message>
            <source>Choose the outcome of the call-back.</source>
            <translation>اختر نتيجة معاودة الاتصال.</translation>
        </message>
        <message>
            <source>The time of the call-back is missing.</source>
            <translation>توقيت معاودة الاتصال غير مذكور.</translation>
        </message>
        <message>
            <source>The call-back cannot be in the future.</source>
            <translation>لا يمكن أن يكون توقيت معاودة الاتصال في المستقبل.</translation>
        </message>
        <message>
            <source>The note is longer than 1000 characters.</source>
            <translation>الملاحظة تتجاوز 1000 حرف.</translation>
        </message>
    </context>
    <context>
        <name>callers_file</name>
        <message>
            <source>Number</source>
            <translation>الرقم</translation>
        </message>
        <message>
            <source>Line rung</source>
            <translation>الخط المطلوب</translation>
        </message>
        <message>
            <source>Unanswered calls</source>
            <translation>مكالمات دون رد</translation>
        </message>
        <message>
            <source>First call</source>
            <translation>أول مكالمة</translation>
        </message>
        <message>
            <source>Last call</source>
            <translation>آخر مكالمة</translation>
        </message>
        <message>
            <source>Call-backs without answer</source>
            <translation>معاودات دون رد</translation>
        </message>
        <message>
            <source>Called back at</source>
            <translation>توقيت معاودة الاتصال</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>النتيجة</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>ملاحظة</translation>
        </message>
        <message>
            <source>To call back</source>
            <translation>معاودة الاتصال</translation>
        </message>
        <message>
            <source>Page &amp;P of &amp;N</source>
            <translation>&amp;P من &amp;N</translation>
        </message>
        <message>
            <source>Cannot write {path}: {reason}</source>
            <translation>تعذّر حفظ {path}: {reason}</translation>
        </message>
    </context>
    <context>
        <name>calls</name>
        <message>
            <source>the call has no start time.</source>
            <translation>المكالمة دون وقت بداية.</translation>
        </message>
        <message>
            <source>“{text}” is not a time of the form 2026-03-05 09:41:07.</source>
            <translation>«{text}» ليس وقتًا بالشكل 2026-03-05 09:41:07.</translation>
        </message>
        <message>
            <source>{text} is not a plausible date for a call (years {first} to {last}).</source>
            <translation>{text} ليس تاريخًا معقولًا لمكالمة (من سنة {first} إلى سنة {last}).</translation>
        </message>
        <message>
            <source>“{text}” is not a number of seconds.</source>
            <translation>«{text}» ليس عددًا من الثواني.</translation>
        </message>
        <message>
            <source>“{text}” is not a call outcome Asterisk writes.</source>
            <translation>«{text}» ليست نتيجة مكالمة يكتبها Asterisk.</translation>
        </message>
        <message>
            <source>The file {file} does not exist.</source>
            <translation>الملف {file} غير موجود.</translation>
        </message>
        <message>
            <source>The file {file} cannot be read: {reason}</source>
            <translation>تعذّرت قراءة الملف {file}: {reason}</translation>
        </message>
        <message>
            <source>{file} is not an Asterisk call record file (Master.csv).</source>
            <translation>{file} ليس ملف سجلات مكالمات Asterisk (Master.csv).</translation>
        </message>
        <message>
            <source>the line is not valid CSV: {reason}</source>
            <translation>السطر ليس بصيغة CSV صحيحة: {reason}</translation>
        </message>
        <message>
            <source>The file holds no unanswered call at all: the PBX probably does not log them (set unanswered=yes in cdr.conf), so the missed-call figures would be wrong.</source>
            <translation>لا يحتوي الملف على أيّ مكالمة دون رد: على الأرجح لا يسجّلها المقسم (اضبط unanswered=yes في cdr.conf)، وبالتالي ستكون أرقام المكالمات الضائعة خاطئة.</translation>
        </message>
        <message>
            <source>{file}, line {row}, column {column}: {message}</source>
            <translation>{file}، السطر {row}، العمود {column}: {message}</translation>
        </message>
        <message>
            <source>{file}, line {row}: {message}</source>
            <translation>{file}، السطر {row}: {message}</translation>
        </message>
        <message>
            <source>{first} (Nothing was imported.)</source>
            <translation>{first} (لم يتمّ توريد أيّ شيء.)</translation>
        </message>
        <message>
            <source>Give the campaign a name.</source>
            <translation>أعط الحملة اسمًا.</translation>
        </message>
        <message>
            <source>The campaign ends before it starts.</source>
            <translation>تنتهي الحملة قبل أن تبدأ.</translation>
        </message>
        <message>
            <source>Plan between 1 and {n} calls per line.</source>
            <translation>برمج بين 1 و{n} مكالمة لكل خط.</translation>
        </message>
        <message>
            <source>Choose at least one line in service to call.</source>
            <translation>اختر خطًا واحدًا على الأقل في الخدمة.</translation>
        </message>
        <message>
            <source>The office is closed for the whole period.</source>
            <translation>الإدارة مغلقة طوال الفترة.</translation>
        </message>
        <message>
            <source>Supervisor listening</source>
            <translation>استماع المشرف</translation>
        </message>
        <message>
            <source>Mystery call</source>
            <translation>مكالمة المواطن الرقيب</translation>
        </message>
        <message>
            <source>Citizen feedback</source>
            <translation>ملاحظة مواطن</translation>
        </message>
        <message>
            <source>Answer every criterion: “{name}” has no answer.</source>
            <translation>أجب عن كل المعايير: «{name}» دون إجابة.</translation>
        </message>
        <message>
            <source>“{name}” always applies to an answered call: answer yes or no.</source>
            <translation>«{name}» ينطبق دائمًا على مكالمة تمّت الإجابة عنها: أجب بنعم أو لا.</translation>
        </message>
        <message>
            <source>Choose how the call was evaluated.</source>
            <translation>اختر طريقة تقييم المكالمة.</translation>
        </message>
        <message>
            <source>Give the seconds it took to pick up.</source>
            <translation>أدخل عدد الثواني قبل الرد.</translation>
        </message>
        <message>
            <source>The seconds to pick up are not plausible.</source>
            <translation>عدد الثواني قبل الرد غير معقول.</translation>
        </message>
        <message>
            <source>A mystery call needs the line that was called.</source>
            <translation>مكالمة المواطن الرقيب تتطلّب الخط الذي تمّ الاتصال به.</translation>
        </message>
        <message>
            <source>Only a mystery call has a citizen-watch caller.</source>
            <translation>لا يُذكر المتّصل إلّا في مكالمة المواطن الرقيب.</translation>
        </message>
        <message>
            <source>The caller's name is too long (200 characters).</source>
            <translation>اسم المتّصل طويل جدًّا (200 حرف).</translation>
        </message>
        <message>
            <source>This agent no longer exists.</source>
            <translation>هذا العون لم يعد موجودًا.</translation>
        </message>
        <message>
            <source>This line no longer exists.</source>
            <translation>هذا الخط لم يعد موجودًا.</translation>
        </message>
        <message>
            <source>This planned call no longer exists.</source>
            <translation>هذه المكالمة المبرمجة لم تعد موجودة.</translation>
        </message>
        <message>
            <source>The result of this planned call is already in.</source>
            <translation>نتيجة هذه المكالمة المبرمجة مسجّلة من قبل.</translation>
        </message>
        <message>
            <source>Reception and guidance techniques</source>
            <translation>تقنيات الاستقبال والإرشاد</translation>
        </message>
        <message>
            <source>Legal and procedural update</source>
            <translation>تحيين المعارف القانونية والإجرائية</translation>
        </message>
        <message>
            <source>Serving particular categories of users</source>
            <translation>التعامل مع الفئات الخصوصية من المتعاملين</translation>
        </message>
        <message>
            <source>Equipment and tools</source>
            <translation>التجهيزات والأدوات</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>أخرى</translation>
        </message>
        <message>
            <source>Picked up in time</source>
            <translation>الرد في الآجال</translation>
        </message>
        <message>
            <source>Greeted first</source>
            <translation>المبادرة بالتحية</translation>
        </message>
        <message>
            <source>Named the body</source>
            <translation>ذكر اسم الهيكل</translation>
        </message>
        <message>
            <source>Information clear</source>
            <translation>وضوح المعلومة</translation>
        </message>
        <message>
            <source>Information correct (reference guide)</source>
            <translation>صحة المعلومة حسب الدليل المرجعي</translation>
        </message>
        <message>
            <source>Courteous</source>
            <translation>اللباقة</translation>
        </message>
        <message>
            <source>Particular category served well</source>
            <translation>حسن التعامل مع الفئات الخصوصية</translation>
        </message>
        <message>
            <source>Proper closing</source>
            <translation>إنهاء المكالمة بشكل لائق</translation>
        </message>
        <message>
            <source>Directed the caller to the competent service</source>
            <translation>حسن توجيه المتصل وإرشاده إلى المصلحة المختصة</translation>
        </message>
        <message>
            <source>There is no scorecard yet; ask an administrator.</source>
            <translation>لا توجد شبكة تقييم بعد؛ اتصل بالمشرف على النظام.</translation>
        </message>
        <message>
            <source>Particular categories of users: {names}.</source>
            <translation>الفئات الخاصة من المتعاملين: {names}.</translation>
        </message>
        <message>
            <source>A scorecard needs at least one criterion.</source>
            <translation>تتطلّب شبكة التقييم معيارًا واحدًا على الأقل.</translation>
        </message>
        <message>
            <source>Every criterion needs a name.</source>
            <translation>كل معيار يتطلّب اسمًا.</translation>
        </message>
        <message>
            <source>The criterion “{name}” appears twice.</source>
            <translation>المعيار «{name}» مذكور مرتين.</translation>
        </message>
        <message>
            <source>The weight of “{name}” must be between 1 and 100.</source>
            <translation>يجب أن يكون وزن «{name}» بين 1 و100.</translation>
        </message>
        <message>
            <source>“{topic}” is not a training topic.</source>
            <translation>«{topic}» ليس محور تكوين.</translation>
        </message>
        <message>
            <source>The scorecard was changed by someone else meanwhile; reopen it.</source>
            <translation>غيّر شخص آخر شبكة التقييم في الأثناء؛ أعد فتحها.</translation>
        </message>
        <message>
            <source>Evaluation score per agent</source>
            <translation>عدد التقييم حسب العون</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>العون</translation>
        </message>
        <message>
            <source>Evaluations</source>
            <translation>التقييمات</translation>
        </message>
        <message>
            <source>Mean score</source>
            <translation>المعدل</translation>
        </message>
        <message>
            <source>Previous period</source>
            <translation>الفترة السابقة</translation>
        </message>
        <message>
            <source>Picked up in time (%)</source>
            <translation>الرد في الآجال (%)</translation>
        </message>
        <message>
            <source>Mean score per agent</source>
            <translation>المعدل حسب العون</translation>
        </message>
        <message>
            <source>Score (0–100)</source>
            <translation>العدد (0–100)</translation>
        </message>
        <message>
            <source>Supervisor listening and mystery calls (C8.7); score 0–100 on the weighted scorecard, criteria not applicable left out.</source>
            <translation>استماع المشرف ومكالمات المواطن الرقيب (C8.7)؛ العدد من 0 إلى 100 حسب الشبكة الموزونة، دون احتساب المعايير التي لا تنطبق.</translation>
        </message>
        <message>
            <source>Criteria met</source>
            <translation>المعايير المحقّقة</translation>
        </message>
        <message>
            <source>Criterion</source>
            <translation>المعيار</translation>
        </message>
        <message>
            <source>Met (%)</source>
            <translation>محقّق (%)</translation>
        </message>
        <message>
            <source>Previous period (%)</source>
            <translation>الفترة السابقة (%)</translation>
        </message>
        <message>
            <source>Training topic</source>
            <translation>محور التكوين</translation>
        </message>
        <message>
            <source>Weakest first: the training topic addresses each criterion.</source>
            <translation>الأضعف أولًا: محور التكوين يعالج كل معيار.</translation>
        </message>
        <message>
            <source>Call quality</source>
            <translation>جودة المكالمات</translation>
        </message>
        <message>
            <source>under {n} s</source>
            <translation>أقل من {n} ث</translation>
        </message>
        <message>
            <source>{a}–{b} s</source>
            <translation>{a}–{b} ث</translation>
        </message>
        <message>
            <source>{n} s or more</source>
            <translation>{n} ث أو أكثر</translation>
        </message>
        <message>
            <source>{title} (+{lines} lines, +{agents} agents)</source>
            <translation>{title} (+{lines} خطوط، +{agents} أعوان)</translation>
        </message>
        <message>
            <source>Inbound calls per line</source>
            <translation>المكالمات الواردة حسب الخط</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>الرقم</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>الخط</translation>
        </message>
        <message>
            <source>Offered</source>
            <translation>الواردة</translation>
        </message>
        <message>
            <source>Answered</source>
            <translation>المجاب عنها</translation>
        </message>
        <message>
            <source>Busy</source>
            <translation>مشغول</translation>
        </message>
        <message>
            <source>Missed</source>
            <translation>دون رد</translation>
        </message>
        <message>
            <source>Answered (%)</source>
            <translation>نسبة الرد (%)</translation>
        </message>
        <message>
            <source>Missed, to call back</source>
            <translation>دون رد، للمعاودة</translation>
        </message>
        <message>
            <source>Called back in time (%)</source>
            <translation>تمّت المعاودة في الأجل (%)</translation>
        </message>
        <message>
            <source>Median seconds to answer</source>
            <translation>الوسيط (ثانية) قبل الرد</translation>
        </message>
        <message>
            <source>Outside office hours</source>
            <translation>خارج توقيت العمل</translation>
        </message>
        <message>
            <source>Offered, previous period</source>
            <translation>الواردة، الفترة السابقة</translation>
        </message>
        <message>
            <source>Answered (%), previous period</source>
            <translation>نسبة الرد (%)، الفترة السابقة</translation>
        </message>
        <message>
            <source>From the PBX's call records; outgoing and internal calls are left out. Lines losing the most calls first. Missed calls to call back are those from a number that can be called back; called back in time: the caller was reached within the reach window (C2.4). Callers' numbers are not in the report (law 2004-63).</source>
            <translation>من سجلات المكالمات للمقسم؛ دون احتساب المكالمات الصادرة والداخلية. الخطوط الأكثر فقدانًا للمكالمات أولاً. المكالمات دون رد للمعاودة هي الواردة من رقم يمكن معاودة الاتصال به؛ تمّت المعاودة في الأجل: تمّ التواصل مع المتصل في الأجل المحدد (C2.4). أرقام المتصلين لا ترد في التقرير (القانون 2004-63).</translation>
        </message>
        <message>
            <source>Reinforcement planned (C8.4)</source>
            <translation>التدعيم المبرمج (C8.4)</translation>
        </message>
        <message>
            <source>Yesterday's callers to call back</source>
            <translation>متصلو الأمس الواجب معاودة الاتصال بهم</translation>
        </message>
        <message>
            <source>Calls per hour of the day</source>
            <translation>المكالمات حسب ساعة اليوم</translation>
        </message>
        <message>
            <source>Hour</source>
            <translation>الساعة</translation>
        </message>
        <message>
            <source>Calls</source>
            <translation>المكالمات</translation>
        </message>
        <message>
            <source>Lost calls</source>
            <translation>المكالمات الضائعة</translation>
        </message>
        <message>
            <source>Peak hours (C8.4)</source>
            <translation>ساعات الذروة (C8.4)</translation>
        </message>
        <message>
            <source>Reinforce the lines at the hours with the most calls and lost calls (C8.4).</source>
            <translation>يجب تدعيم الخطوط في الساعات الأكثر مكالمات ومكالمات ضائعة (C8.4).</translation>
        </message>
        <message>
            <source>Time to answer</source>
            <translation>مدة الانتظار قبل الرد</translation>
        </message>
        <message>
            <source>Waited</source>
            <translation>مدة الانتظار</translation>
        </message>
        <message>
            <source>Answered calls</source>
            <translation>المكالمات المجاب عنها</translation>
        </message>
        <message>
            <source>Call traffic</source>
            <translation>حركة المكالمات</translation>
        </message>
        <message>
            <source>Agents below the score target</source>
            <translation>الأعوان دون العدد المستهدف</translation>
        </message>
        <message>
            <source>Lines losing calls</source>
            <translation>الخطوط التي تضيع فيها المكالمات</translation>
        </message>
        <message numerus="yes">
            <source>columns on the line: %n; Asterisk writes 16, 17, 18 or 21.</source>
            <translation>
                <numerusform>السطر يحتوي على لا عمود؛ Asterisk يكتب 16 أو 17 أو 18 أو 21.</numerusform>
                <numerusform>السطر يحتوي على عمود واحد؛ Asterisk يكتب 16 أو 17 أو 18 أو 21.</numerusform>
                <numerusform>السطر يحتوي على عمودين؛ Asterisk يكتب 16 أو 17 أو 18 أو 21.</numerusform>
                <numerusform>السطر يحتوي على %n أعمدة؛ Asterisk يكتب 16 أو 17 أو 18 أو 21.</numerusform>
                <numerusform>السطر يحتوي على %n عمودًا؛ Asterisk يكتب 16 أو 17 أو 18 أو 21.</numerusform>
                <numerusform>السطر يحتوي على %n عمود؛ Asterisk يكتب 16 أو 17 أو 18 أو 21.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{first} (%n bad lines in all; nothing was imported.)</source>
            <translation>
                <numerusform>{first} (لا سطر خاطئ في المجموع؛ لم يتمّ توريد أيّ شيء.)</numerusform>
                <numerusform>{first} (سطر خاطئ واحد في المجموع؛ لم يتمّ توريد أيّ شيء.)</numerusform>
                <numerusform>{first} (سطران خاطئان في المجموع؛ لم يتمّ توريد أيّ شيء.)</numerusform>
                <numerusform>{first} (%n أسطر خاطئة في المجموع؛ لم يتمّ توريد أيّ شيء.)</numerusform>
                <numerusform>{first} (%n سطرًا خاطئًا في المجموع؛ لم يتمّ توريد أيّ شيء.)</numerusform>
                <numerusform>{first} (%n سطر خاطئ في المجموع؛ لم يتمّ توريد أيّ شيء.)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Calls to numbers missing from the inventory ({numbers}): %n; add those lines to count them.</source>
            <translation>
                <numerusform>لا مكالمة وُجّهت إلى أرقام غير مدرجة في الجرد ({numbers})؛ أضف هذه الخطوط لاحتسابها.</numerusform>
                <numerusform>مكالمة واحدة وُجّهت إلى أرقام غير مدرجة في الجرد ({numbers})؛ أضف هذه الخطوط لاحتسابها.</numerusform>
                <numerusform>مكالمتان وُجّهتا إلى أرقام غير مدرجة في الجرد ({numbers})؛ أضف هذه الخطوط لاحتسابها.</numerusform>
                <numerusform>%n مكالمات وُجّهت إلى أرقام غير مدرجة في الجرد ({numbers})؛ أضف هذه الخطوط لاحتسابها.</numerusform>
                <numerusform>%n مكالمة وُجّهت إلى أرقام غير مدرجة في الجرد ({numbers})؛ أضف هذه الخطوط لاحتسابها.</numerusform>
                <numerusform>%n مكالمة وُجّهت إلى أرقام غير مدرجة في الجرد ({numbers})؛ أضف هذه الخطوط لاحتسابها.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{name}: {score}, evaluations: %n</source>
            <translation>
                <numerusform>{name}: {score} على لا تقييم</numerusform>
                <numerusform>{name}: {score} على تقييم واحد</numerusform>
                <numerusform>{name}: {score} على تقييمين</numerusform>
                <numerusform>{name}: {score} على %n تقييمات</numerusform>
                <numerusform>{name}: {score} على %n تقييمًا</numerusform>
                <numerusform>{name}: {score} على %n تقييم</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{number}: %n of {offered} calls lost</source>
            <translation>
                <numerusform>{number}: لا مكالمة ضائعة من {offered}</numerusform>
                <numerusform>{number}: مكالمة واحدة ضائعة من {offered}</numerusform>
                <numerusform>{number}: مكالمتان ضائعتان من {offered}</numerusform>
                <numerusform>{number}: %n مكالمات ضائعة من {offered}</numerusform>
                <numerusform>{number}: %n مكالمة ضائعة من {offered}</numerusform>
                <numerusform>{number}: %n مكالمة ضائعة من {offered}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{time}, line {line} (unanswered calls: %n)</source>
            <translation>
                <numerusform>{time}، الخط {line}: لا مكالمة دون رد</numerusform>
                <numerusform>{time}، الخط {line}: مكالمة واحدة دون رد</numerusform>
                <numerusform>{time}، الخط {line}: مكالمتان دون رد</numerusform>
                <numerusform>{time}، الخط {line}: %n مكالمات دون رد</numerusform>
                <numerusform>{time}، الخط {line}: %n مكالمة دون رد</numerusform>
                <numerusform>{time}، الخط {line}: %n مكالمة دون رد</numerusform>
            </translation>
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
            <source>The database {where} is sound; it needs an upgrade, which Istiqbal makes (after a backup) the next time it opens it.</source>
            <translation>قاعدة البيانات {where} سليمة، وتحتاج إلى تحيين يجريه استقبال (بعد نسخة احتياطية) عند فتحها في المرة القادمة.</translation>
        </message>
        <message>
            <source>The database {where} is sound and empty.</source>
            <translation>قاعدة البيانات {where} سليمة وفارغة.</translation>
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
            <source>{file} (warning): {message}</source>
            <translation>{file} (تنبيه): {message}</translation>
        </message>
        <message>
            <source>{inbound} inbound calls on inventory lines, {outgoing} outgoing, {internal} internal, {unmatched} to numbers missing from the inventory.</source>
            <translation>{inbound} مكالمة واردة على خطوط الجرد، {outgoing} صادرة، {internal} داخلية، {unmatched} نحو أرقام غير مدرجة في الجرد.</translation>
        </message>
        <message>
            <source>Nothing was written (invalid rows: {n}); correct them or use --skip-invalid.</source>
            <translation>لم يُسجَّل أي شيء (عدد الأسطر غير الصالحة: {n})؛ صحّحها أو استعمل ‎--skip-invalid.</translation>
        </message>
        <message>
            <source>Phone lines written to {file}: {n}.</source>
            <translation>عدد الخطوط الهاتفية المكتوبة في {file}: {n}.</translation>
        </message>
        <message>
            <source>There is no page “{page}”; pages: {names}.</source>
            <translation>لا توجد صفحة «{page}»؛ الصفحات: {names}.</translation>
        </message>
        <message>
            <source>Cannot write the picture {path}.</source>
            <translation>تعذّرت كتابة الصورة {path}.</translation>
        </message>
        <message>
            <source>The page “{page}” has no tabs.</source>
            <translation>لا تحتوي الصفحة «{page}» على علامات تبويب.</translation>
        </message>
        <message>
            <source>The page “{page}” has no tab {tab}; its tabs: {names}.</source>
            <translation>لا توجد في الصفحة «{page}» علامة تبويب رقم {tab}؛ علامات تبويبها: {names}.</translation>
        </message>
        <message>
            <source>Istiqbal cannot use {where}: {reason}</source>
            <translation>يتعذّر على استقبال استعمال {where}: {reason}</translation>
        </message>
        <message>
            <source>{file}: {message}</source>
            <translation>{file}: {message}</translation>
        </message>
        <message numerus="yes">
            <source>Calls already imported as missed, now answered: %n.</source>
            <translation>
                <numerusform>لا مكالمة سبق توريدها على أنها فائتة أصبحت مُجابة.</numerusform>
                <numerusform>مكالمة واحدة سبق توريدها على أنها فائتة أصبحت مُجابة.</numerusform>
                <numerusform>مكالمتان سبق توريدهما على أنهما فائتتان أصبحتا مُجابتين.</numerusform>
                <numerusform>%n مكالمات سبق توريدها على أنها فائتة أصبحت مُجابة.</numerusform>
                <numerusform>%n مكالمة سبق توريدها على أنها فائتة أصبحت مُجابة.</numerusform>
                <numerusform>%n مكالمة سبق توريدها على أنها فائتة أصبحت مُجابة.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Checked (nothing written): %n new, {d} already present.</source>
            <translation>
                <numerusform>تمت المراجعة (لم يُكتب شيء): لا جديد، {d} موجود سابقا.</numerusform>
                <numerusform>تمت المراجعة (لم يُكتب شيء): عنصر واحد جديد، {d} موجود سابقا.</numerusform>
                <numerusform>تمت المراجعة (لم يُكتب شيء): عنصران جديدان، {d} موجود سابقا.</numerusform>
                <numerusform>تمت المراجعة (لم يُكتب شيء): %n عناصر جديدة، {d} موجود سابقا.</numerusform>
                <numerusform>تمت المراجعة (لم يُكتب شيء): %n عنصرًا جديدًا، {d} موجود سابقا.</numerusform>
                <numerusform>تمت المراجعة (لم يُكتب شيء): %n عنصر جديد، {d} موجود سابقا.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Imported %n, skipped {d} already present.</source>
            <translation>
                <numerusform>لم يُورَّد أيّ عنصر، وتُرك {d} موجود سابقا.</numerusform>
                <numerusform>تم توريد عنصر واحد، وتُرك {d} موجود سابقا.</numerusform>
                <numerusform>تم توريد عنصرين، وتُرك {d} موجود سابقا.</numerusform>
                <numerusform>تم توريد %n عناصر، وتُرك {d} موجود سابقا.</numerusform>
                <numerusform>تم توريد %n عنصرًا، وتُرك {d} موجود سابقا.</numerusform>
                <numerusform>تم توريد %n عنصر، وتُرك {d} موجود سابقا.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Directory written to {file}: lines: %n; left out: {m}.</source>
            <translation>
                <numerusform>تمّ كتابة الدليل في {file}: لا خط، {m} مستبعدة.</numerusform>
                <numerusform>تمّ كتابة الدليل في {file}: خط واحد، {m} مستبعدة.</numerusform>
                <numerusform>تمّ كتابة الدليل في {file}: خطان، {m} مستبعدة.</numerusform>
                <numerusform>تمّ كتابة الدليل في {file}: %n خطوط، {m} مستبعدة.</numerusform>
                <numerusform>تمّ كتابة الدليل في {file}: %n خطًا، {m} مستبعدة.</numerusform>
                <numerusform>تمّ كتابة الدليل في {file}: %n خط، {m} مستبعدة.</numerusform>
            </translation>
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
            <source>--db must be a SQLite file path or a postgresql+psycopg://user:password@server/name URL.</source>
            <translation>يجب أن يكون ‎--db‎ مسار ملف SQLite أو عنوانا من نوع ‎postgresql+psycopg://user:password@server/name‎.</translation>
        </message>
        <message>
            <source>The database {where} holds another program's tables, not Istiqbal's; nothing was changed. Choose an empty or an Istiqbal database.</source>
            <translation>قاعدة البيانات {where} تحتوي على جداول برنامج آخر وليست قاعدة بيانات استقبال، ولم يقع تغيير أي شيء. اختر قاعدة بيانات فارغة أو قاعدة بيانات استقبال.</translation>
        </message>
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
            <source>The database {where} can be read by other users (mode {mode}) and Istiqbal cannot change that; ask its owner to make it readable by its owner only.</source>
            <translation>يمكن لمستعملين آخرين قراءة قاعدة البيانات {where} (الصلاحيات {mode}) ولا يستطيع استقبال تغيير ذلك؛ اطلب من مالكها جعلها مقروءة من مالكها فقط.</translation>
        </message>
        <message>
            <source>The database {where} could be read by other users; it is now readable by its owner only.</source>
            <translation>كان بإمكان مستعملين آخرين قراءة قاعدة البيانات {where}؛ أصبحت الآن مقروءة من مالكها فقط.</translation>
        </message>
        <message>
            <source>The database file {where} is on a network share, where SQLite loses data; use a PostgreSQL server to share data between PCs (--db postgresql+psycopg://…).</source>
            <translation>ملف قاعدة البيانات {where} موجود على مجلد شبكي حيث يفقد SQLite البيانات؛ استعمل خادم PostgreSQL لتقاسم البيانات بين الحواسيب (‎--db postgresql+psycopg://…‎).</translation>
        </message>
        <message>
            <source>PostgreSQL support is not installed: run “uv sync --extra postgresql”.</source>
            <translation>دعم PostgreSQL غير مثبت: نفّذ «‎uv sync --extra postgresql‎».</translation>
        </message>
        <message>
            <source>The database {where} was made by a newer version of Istiqbal ({rev}); install that version. Nothing was changed.</source>
            <translation>أُنشئت قاعدة البيانات {where} بإصدار أحدث من استقبال ({rev})؛ ثبّت ذلك الإصدار. لم يتغير أي شيء.</translation>
        </message>
        <message>
            <source>The database {where} is busy with another long task (an import, an upgrade); nothing was changed: try again when it ends.</source>
            <translation>قاعدة البيانات {where} منشغلة بعملية طويلة أخرى (توريد أو تحيين)؛ لم يقع أي تغيير: أعد المحاولة عند انتهائها.</translation>
        </message>
        <message>
            <source>Waiting for another task using the database (an import)…</source>
            <translation>في انتظار انتهاء عملية أخرى تستعمل قاعدة البيانات (توريد)…</translation>
        </message>
        <message>
            <source>{where} is a folder, not a database file.</source>
            <translation>{where} مجلّد وليس ملفّ قاعدة بيانات.</translation>
        </message>
        <message>
            <source>The database {where} cannot be opened: its folder does not exist or cannot be written to.</source>
            <translation>تعذّر فتح قاعدة البيانات {where}: مجلّدها غير موجود أو لا يمكن الكتابة فيه.</translation>
        </message>
        <message>
            <source>The database file {where} does not exist.</source>
            <translation>ملف قاعدة البيانات {where} غير موجود.</translation>
        </message>
        <message>
            <source>The backup made before upgrading {where} did not read back as a copy of it ({problem}); the upgrade was not made. Free some disk space or check the backups folder, then try again.</source>
            <translation>النسخة الاحتياطية المأخوذة قبل تحيين {where} لم تُقرأ كنسخة مطابقة لها ({problem})؛ لم يقع التحيين. حرّر مساحة على القرص أو تثبّت من مجلد النسخ الاحتياطية ثم أعد المحاولة.</translation>
        </message>
        <message>
            <source>The backup made before upgrading {where} could not be written ({reason}); the upgrade was not made.</source>
            <translation>تعذّرت كتابة النسخة الاحتياطية قبل تحيين {where} ({reason})؛ لم يقع التحيين.</translation>
        </message>
        <message>
            <source>Upgrading {where} would break links between records; nothing changed.</source>
            <translation>تحديث {where} سيكسر الروابط بين السجلات؛ لم يتغير أي شيء.</translation>
        </message>
        <message>
            <source>audit entry {id} does not follow from the entries before it: the audit trail was added to or changed outside Istiqbal</source>
            <translation>قيد التدقيق {id} لا يتّسق مع القيود السابقة له: أُضيف إلى سجلّ التدقيق أو غُيّر خارج استقبال</translation>
        </message>
        <message>
            <source>the safeguard {name} is missing (the audit trail or the search index is no longer protected)</source>
            <translation>آلية الحماية {name} مفقودة (سجلّ التدقيق أو فهرس البحث لم يعد محميًا)</translation>
        </message>
        <message>
            <source>the table {name} is missing</source>
            <translation>الجدول {name} مفقود</translation>
        </message>
        <message>
            <source>the index {name} is missing</source>
            <translation>الفهرس {name} مفقود</translation>
        </message>
        <message>
            <source>Back up a PostgreSQL database with pg_dump; Istiqbal backs up SQLite files.</source>
            <translation>انسخ قاعدة بيانات PostgreSQL احتياطيا بواسطة pg_dump؛ يتولى استقبال نسخ ملفات SQLite.</translation>
        </message>
        <message>
            <source>{path} exists and is not an Istiqbal backup; choose another file, or add --force to replace it.</source>
            <translation>الملف {path} موجود وليس نسخة احتياطية من استقبال؛ اختر ملفًا آخر، أو أضف --force لتعويضه.</translation>
        </message>
        <message>
            <source>The backup cannot be written over the database itself ({path}); choose another file.</source>
            <translation>لا يمكن كتابة النسخة الاحتياطية فوق قاعدة البيانات نفسها ({path})، اختر ملفا آخر.</translation>
        </message>
        <message>
            <source>The backup did not read back as a copy of the database ({problem}); nothing was kept.</source>
            <translation>النسخة الاحتياطية لم تُقرأ كنسخة مطابقة لقاعدة البيانات ({problem})؛ لم يُحتفظ بأي شيء.</translation>
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
            <source>Legal deadline: 48 hours after receipt, nights and holidays included (circular 2/2020, C2.1: «at most 48 hours»).</source>
            <translation>الأجل القانوني: 48 ساعة من تاريخ الورود، بما فيها الليالي والعطل (المنشور 2/2020، C2.1: «في أجل أقصاه 48 ساعة»).</translation>
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
            <source>Overdue after notice</source>
            <translation>متأخر بعد الإعلام</translation>
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
        <message numerus="yes">
            <source>Internal target of the body: an answer within %n h of receipt, counted in working hours only, and never later than the legal deadline.</source>
            <translation>
                <numerusform>الهدف الداخلي للهيكل: الرد في أجل %n ساعة عمل من تاريخ الورود، تُحتسب خلال أوقات العمل فقط، ولا يتجاوز أبدا الأجل القانوني.</numerusform>
                <numerusform>الهدف الداخلي للهيكل: الرد في أجل ساعة عمل واحدة من تاريخ الورود، تُحتسب خلال أوقات العمل فقط، ولا يتجاوز أبدا الأجل القانوني.</numerusform>
                <numerusform>الهدف الداخلي للهيكل: الرد في أجل ساعتي عمل من تاريخ الورود، تُحتسب خلال أوقات العمل فقط، ولا يتجاوز أبدا الأجل القانوني.</numerusform>
                <numerusform>الهدف الداخلي للهيكل: الرد في أجل %n ساعات عمل من تاريخ الورود، تُحتسب خلال أوقات العمل فقط، ولا يتجاوز أبدا الأجل القانوني.</numerusform>
                <numerusform>الهدف الداخلي للهيكل: الرد في أجل %n ساعة عمل من تاريخ الورود، تُحتسب خلال أوقات العمل فقط، ولا يتجاوز أبدا الأجل القانوني.</numerusform>
                <numerusform>الهدف الداخلي للهيكل: الرد في أجل %n ساعة عمل من تاريخ الورود، تُحتسب خلال أوقات العمل فقط، ولا يتجاوز أبدا الأجل القانوني.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Internal target of the body: an answer within %n h of receipt.</source>
            <translation>
                <numerusform>الهدف الداخلي للهيكل: الرد في أجل %n ساعة من تاريخ الورود.</numerusform>
                <numerusform>الهدف الداخلي للهيكل: الرد في أجل ساعة واحدة من تاريخ الورود.</numerusform>
                <numerusform>الهدف الداخلي للهيكل: الرد في أجل ساعتين من تاريخ الورود.</numerusform>
                <numerusform>الهدف الداخلي للهيكل: الرد في أجل %n ساعات من تاريخ الورود.</numerusform>
                <numerusform>الهدف الداخلي للهيكل: الرد في أجل %n ساعة من تاريخ الورود.</numerusform>
                <numerusform>الهدف الداخلي للهيكل: الرد في أجل %n ساعة من تاريخ الورود.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>demo</name>
        <message>
            <source>--years must be between 1 and 10.</source>
            <translation>يجب أن تكون قيمة ‎--years‎ بين 1 و10.</translation>
        </message>
        <message>
            <source>Demo data goes only into an empty database; this one holds {tables}.</source>
            <translation>لا تُضاف البيانات التجريبية إلا إلى قاعدة بيانات فارغة، وهذه تحتوي على {tables}.</translation>
        </message>
    </context>
    <context>
        <name>directory</name>
        <message>
            <source>retired</source>
            <translation>محذوف</translation>
        </message>
        <message>
            <source>faulty at its latest check</source>
            <translation>معطّل عند آخر تثبت</translation>
        </message>
        <message>
            <source>not checked in 30 days</source>
            <translation>لم يقع التثبت منه منذ 30 يوما</translation>
        </message>
        <message>
            <source>The directory is made in Arabic or French.</source>
            <translation>يُعدّ الدليل بالعربية أو بالفرنسية.</translation>
        </message>
        <message>
            <source>The folder {folder} does not exist; choose another folder.</source>
            <translation>المجلد {folder} غير موجود؛ اختاروا مجلدا آخر.</translation>
        </message>
        <message>
            <source>Cannot write {file}: {reason}</source>
            <translation>تعذّرت كتابة {file}: {reason}</translation>
        </message>
        <message>
            <source>Write the directory to a .pdf, .html or .txt file.</source>
            <translation>اكتب الدليل في ملف ‎.pdf أو ‎.html أو ‎.txt.</translation>
        </message>
    </context>
    <context>
        <name>equipment</name>
        <message>
            <source>Headset</source>
            <translation>سماعة رأس</translation>
        </message>
        <message>
            <source>Phone set</source>
            <translation>جهاز الهاتف</translation>
        </message>
        <message>
            <source>Computer</source>
            <translation>حاسوب</translation>
        </message>
        <message>
            <source>Access to the guides</source>
            <translation>النفاذ إلى الأدلة</translation>
        </message>
        <message>
            <source>Working</source>
            <translation>صالح</translation>
        </message>
        <message>
            <source>Broken</source>
            <translation>معطب</translation>
        </message>
        <message>
            <source>Missing</source>
            <translation>مفقود</translation>
        </message>
        <message>
            <source>Give the reception post a name.</source>
            <translation>أدخل اسم مركز الاستقبال.</translation>
        </message>
        <message>
            <source>A post named {name} already exists.</source>
            <translation>يوجد مركز باسم {name}.</translation>
        </message>
        <message>
            <source>“{value}” is not a condition.</source>
            <translation>«{value}» ليست حالة.</translation>
        </message>
        <message>
            <source>This equipment no longer exists.</source>
            <translation>هذا التجهيز لم يعد موجودا.</translation>
        </message>
    </context>
    <context>
        <name>eservices</name>
        <message>
            <source>Clear description</source>
            <translation>وصف واضح</translation>
        </message>
        <message>
            <source>Requirements stated</source>
            <translation>المتطلبات مذكورة</translation>
        </message>
        <message>
            <source>Link works</source>
            <translation>الرابط يعمل</translation>
        </message>
        <message>
            <source>Two clicks from the home page</source>
            <translation>على بعد نقرتين من الصفحة الرئيسية</translation>
        </message>
        <message>
            <source>Reviewed recently</source>
            <translation>روجعت مؤخرا</translation>
        </message>
        <message>
            <source>The description is missing or too short.</source>
            <translation>الوصف مفقود أو قصير جدا.</translation>
        </message>
        <message>
            <source>What is needed to use it is not stated.</source>
            <translation>متطلبات استعمالها غير مذكورة.</translation>
        </message>
        <message>
            <source>The link did not work at its latest check.</source>
            <translation>الرابط لم يعمل عند آخر تثبت.</translation>
        </message>
        <message>
            <source>The link has never been checked.</source>
            <translation>لم يقع التثبت من الرابط أبدا.</translation>
        </message>
        <message>
            <source>The website audit did not find it within two clicks.</source>
            <translation>لم يجدها تدقيق الموقع في حدود نقرتين.</translation>
        </message>
        <message>
            <source>Its information has not been reviewed in time.</source>
            <translation>لم تُراجع معطياتها في الأجل.</translation>
        </message>
        <message>
            <source>“{url}” is not a web address (http:// or https://).</source>
            <translation>«{url}» ليس عنوان واب (http:// أو https://).</translation>
        </message>
        <message>
            <source>Give the service a name in Arabic or French.</source>
            <translation>أعط الخدمة تسمية بالعربية أو بالفرنسية.</translation>
        </message>
        <message>
            <source>This online service no longer exists.</source>
            <translation>هذه الخدمة عن بعد لم تعد موجودة.</translation>
        </message>
        <message>
            <source>Someone else changed this service meanwhile; reopen it and try again.</source>
            <translation>غيّر شخص آخر هذه الخدمة في الأثناء؛ أعد فتحها وحاول مجددا.</translation>
        </message>
        <message>
            <source>Links checked: {n}; working: {ok}; failing: {bad}.</source>
            <translation>الروابط المتثبت منها: {n}؛ تعمل: {ok}؛ لا تعمل: {bad}.</translation>
        </message>
        <message>
            <source>works ({status}, {ms} ms)</source>
            <translation>يعمل ({status}، {ms} م.ث)</translation>
        </message>
    </context>
    <context>
        <name>excel_report</name>
        <message>
            <source>January</source>
            <translation>جانفي</translation>
        </message>
        <message>
            <source>February</source>
            <translation>فيفري</translation>
        </message>
        <message>
            <source>March</source>
            <translation>مارس</translation>
        </message>
        <message>
            <source>April</source>
            <translation>أفريل</translation>
        </message>
        <message>
            <source>May</source>
            <translation>ماي</translation>
        </message>
        <message>
            <source>June</source>
            <translation>جوان</translation>
        </message>
        <message>
            <source>July</source>
            <translation>جويلية</translation>
        </message>
        <message>
            <source>August</source>
            <translation>أوت</translation>
        </message>
        <message>
            <source>September</source>
            <translation>سبتمبر</translation>
        </message>
        <message>
            <source>October</source>
            <translation>أكتوبر</translation>
        </message>
        <message>
            <source>November</source>
            <translation>نوفمبر</translation>
        </message>
        <message>
            <source>December</source>
            <translation>ديسمبر</translation>
        </message>
        <message>
            <source>id</source>
            <translation>المعرّف</translation>
        </message>
        <message>
            <source>label</source>
            <translation>المؤشّر</translation>
        </message>
        <message>
            <source>value</source>
            <translation>القيمة</translation>
        </message>
        <message>
            <source>target</source>
            <translation>الهدف</translation>
        </message>
        <message>
            <source>previous period</source>
            <translation>الفترة السابقة</translation>
        </message>
        <message>
            <source>Quarter {q} {year}</source>
            <translation>الثلاثية {q} لسنة {year}</translation>
        </message>
        <message>
            <source>{month} {year}</source>
            <translation>{month} {year}</translation>
        </message>
        <message>
            <source>Year {year}</source>
            <translation>سنة {year}</translation>
        </message>
        <message>
            <source>{first} to {last}</source>
            <translation>من {first} إلى {last}</translation>
        </message>
        <message>
            <source>Page {page} of {pages}</source>
            <translation>{page} من {pages}</translation>
        </message>
        <message>
            <source>Public body</source>
            <translation>الهيكل العمومي</translation>
        </message>
        <message>
            <source>Cover</source>
            <translation>الغلاف</translation>
        </message>
        <message>
            <source>Periodic evaluation of citizen reception</source>
            <translation>التقييم الدوري لاستقبال المواطنين</translation>
        </message>
        <message>
            <source>Circular no. 8 of 19 March 2020 (phone reception, C8.7) and circular no. 2 of 3 April 2020 (remote services)</source>
            <translation>المنشور عدد 8 المؤرخ في 19 مارس 2020 (الاستقبال الهاتفي، C8.7) والمنشور عدد 2 المؤرخ في 3 أفريل 2020 (الخدمات عن بعد)</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>الفترة</translation>
        </message>
        <message>
            <source>Compared with</source>
            <translation>مقارنة مع</translation>
        </message>
        <message>
            <source>This report evaluates citizen reception at {body} from {first} to {last}, as circular no. 8 of 19 March 2020 requires (C8.7). Each figure is compared with its target and with the period just before.</source>
            <translation>يقيّم هذا التقرير استقبال المواطنين ب{body} من {first} إلى {last}، طبقا لما يقتضيه المنشور عدد 8 المؤرخ في 19 مارس 2020 (C8.7). تُقارن كل قيمة بهدفها وبالفترة السابقة لها مباشرة.</translation>
        </message>
        <message>
            <source>Indicators measured: {measured} of {total}. Measured indicators with a target: {n} — meeting it: {good}; close to it: {watch}; short of it: {bad}. The action plan sheet proposes a remedy for each indicator short of or close to its target.</source>
            <translation>المؤشرات المقيسة: {measured} من أصل {total}. المؤشرات المقيسة ذات الهدف: {n} — بلغت هدفها: {good}؛ قريبة منه: {watch}؛ دونه: {bad}. تقترح ورقة خطة العمل حلا لكل مؤشر دون هدفه أو قريب منه.</translation>
        </message>
        <message>
            <source>Requests — received: {received}; answered within the deadline: {on_time} % of those that can be judged (target {target} %); overdue and unanswered at the end of the period: {overdue}.</source>
            <translation>المطالب — الواردة: {received}؛ المجاب عنها في الأجل: {on_time} % من المطالب القابلة للتقييم (الهدف {target} %)؛ المتجاوزة للأجل دون رد في نهاية الفترة: {overdue}.</translation>
        </message>
        <message>
            <source>Phone lines — in service: {active}; checked during the period: {checked} %; working at their last check: {working} %; faults still open at the end of the period: {faults}.</source>
            <translation>الخطوط الهاتفية — في الخدمة: {active}؛ تمت مراقبتها خلال الفترة: {checked} %؛ صالحة عند آخر مراقبة: {working} %؛ أعطال مفتوحة في نهاية الفترة: {faults}.</translation>
        </message>
        <message>
            <source>Call quality — calls evaluated: {count}; mean score: {score} out of 100; picked up in time: {pickup} %; naming the body: {named} %.</source>
            <translation>جودة المكالمات — المكالمات المقيّمة: {count}؛ المعدل: {score} من 100؛ الرد في الوقت: {pickup} %؛ ذكر اسم الهيكل: {named} %.</translation>
        </message>
        <message>
            <source>Call traffic — inbound calls recorded: {calls}; answered: {answered} %; busiest hour: from {hour}:00.</source>
            <translation>حركة المكالمات — المكالمات الواردة المسجلة: {calls}؛ المجاب عنها: {answered} %؛ ساعة الذروة: من الساعة {hour}:00.</translation>
        </message>
        <message>
            <source>Staff and training — reception agents active: {agents}; training sessions held: {sessions}; person-hours of training: {hours}; agents trained during the period: {trained} %; trained to serve particular categories of users: {special} %.</source>
            <translation>الأعوان والتكوين — أعوان الاستقبال المباشرون: {agents}؛ الدورات التكوينية المنجزة: {sessions}؛ ساعات التكوين الفردية: {hours}؛ الأعوان المكوَّنون خلال الفترة: {trained} %؛ المكوَّنون لخدمة الفئات الخاصة من المتعاملين: {special} %.</translation>
        </message>
        <message>
            <source>{period} ({first} to {last})</source>
            <translation>{period} (من {first} إلى {last})</translation>
        </message>
        <message>
            <source>{body} — {period}</source>
            <translation>{body} — {period}</translation>
        </message>
        <message>
            <source>Deadline clock in force</source>
            <translation>طريقة احتساب الآجال المعتمدة</translation>
        </message>
        <message>
            <source>Generated by</source>
            <translation>أعدّه</translation>
        </message>
        <message>
            <source>Generated on</source>
            <translation>تاريخ الإعداد</translation>
        </message>
        <message>
            <source>The director</source>
            <translation>المدير</translation>
        </message>
        <message>
            <source>Name and title</source>
            <translation>الاسم والصفة</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>التاريخ</translation>
        </message>
        <message>
            <source>Signature and stamp</source>
            <translation>الإمضاء والختم</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>الملخص</translation>
        </message>
        <message>
            <source>Summary of the evaluation</source>
            <translation>ملخص التقييم</translation>
        </message>
        <message>
            <source>Indicators with a target</source>
            <translation>المؤشرات ذات الهدف</translation>
        </message>
        <message>
            <source>Indicator</source>
            <translation>المؤشر</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>القيمة</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>الهدف</translation>
        </message>
        <message>
            <source>Previous period</source>
            <translation>الفترة السابقة</translation>
        </message>
        <message>
            <source>State</source>
            <translation>الوضعية</translation>
        </message>
        <message>
            <source>This report evaluates citizen reception at {body} for {period}, from {first} to {last}, as circular no. 8 of 19 March 2020 requires (C8.7). Each figure is compared with its target and with {previous}.</source>
            <translation>يقيّم هذا التقرير استقبال المواطنين ب{body} خلال {period}، من {first} إلى {last}، طبقا لما يقتضيه المنشور عدد 8 المؤرخ في 19 مارس 2020 (C8.7). تُقارن كل قيمة بهدفها وب{previous}.</translation>
        </message>
        <message>
            <source>the body</source>
            <translation>الهيكل</translation>
        </message>
        <message>
            <source>Nothing recorded for this period.</source>
            <translation>لا شيء مسجل لهذه الفترة.</translation>
        </message>
        <message>
            <source>Action plan</source>
            <translation>خطة العمل</translation>
        </message>
        <message>
            <source>Action plan (C8.7)</source>
            <translation>خطة العمل (C8.7)</translation>
        </message>
        <message>
            <source>Every indicator below its target, with a suggested remedy. Write the solutions decided, who carries them out and by when, then sign the cover.</source>
            <translation>كل مؤشر دون هدفه مع حل مقترح. اكتبوا الحلول المقررة والمكلف بتنفيذها وأجلها، ثم أمضوا الغلاف.</translation>
        </message>
        <message>
            <source>Suggested remedy</source>
            <translation>الحل المقترح</translation>
        </message>
        <message>
            <source>Solutions decided by the director</source>
            <translation>الحلول التي يقررها المدير</translation>
        </message>
        <message>
            <source>Responsible</source>
            <translation>المكلف</translation>
        </message>
        <message>
            <source>Due date</source>
            <translation>الأجل</translation>
        </message>
        <message>
            <source>Every measured indicator meets its target.</source>
            <translation>كل المؤشرات المقيسة تبلغ أهدافها.</translation>
        </message>
        <message>
            <source>Other difficulties found and solutions</source>
            <translation>صعوبات أخرى ملاحظة وحلولها</translation>
        </message>
        <message>
            <source>Q1 {year}</source>
            <translation>الثلاثية الأولى {year}</translation>
        </message>
        <message>
            <source>Q2 {year}</source>
            <translation>الثلاثية الثانية {year}</translation>
        </message>
        <message>
            <source>Q3 {year}</source>
            <translation>الثلاثية الثالثة {year}</translation>
        </message>
        <message>
            <source>Q4 {year}</source>
            <translation>الثلاثية الرابعة {year}</translation>
        </message>
    </context>
    <context>
        <name>file_guard</name>
        <message>
            <source>The file {file} does not exist.</source>
            <translation>الملف {file} غير موجود.</translation>
        </message>
        <message>
            <source>The file {file} cannot be read: {reason}</source>
            <translation>تتعذّر قراءة الملف {file}: {reason}</translation>
        </message>
        <message>
            <source>{file} is a folder; choose a file inside it.</source>
            <translation>{file} مجلّد؛ اختر ملفًّا بداخله.</translation>
        </message>
        <message>
            <source>{file} is not an ordinary file (a pipe or a device); choose a file.</source>
            <translation>{file} ليس ملفًّا عاديًّا (قناة أو جهاز)؛ اختر ملفًّا.</translation>
        </message>
        <message>
            <source>{file} is too large to import ({size} MB; at most {limit} MB).</source>
            <translation>{file} أكبر من أن يُورَّد ({size} ميغابايت؛ الحدّ الأقصى {limit} ميغابايت).</translation>
        </message>
        <message>
            <source>{file} would unpack to far more than a spreadsheet holds (a damaged or hostile file); it was not opened.</source>
            <translation>{file} يتضخّم عند فكّه إلى أكثر بكثير ممّا يحويه جدول (ملف تالف أو ضارّ)؛ لم يقع فتحه.</translation>
        </message>
        <message>
            <source>{file} cannot be imported: {what}.</source>
            <translation>لا يمكن توريد {file}: {what}.</translation>
        </message>
        <message>
            <source>more than {n} rows</source>
            <translation>أكثر من {n} سطر</translation>
        </message>
        <message>
            <source>more than {n} columns</source>
            <translation>أكثر من {n} عمود</translation>
        </message>
        <message>
            <source>row {row}, column {column} holds more than {n} characters</source>
            <translation>السطر {row}، العمود {column} يحتوي على أكثر من {n} حرف</translation>
        </message>
    </context>
    <context>
        <name>first_run</name>
        <message>
            <source>Enter the body's name in Arabic and in French.</source>
            <translation>أدخل اسم الهيكل باللغة العربية وباللغة الفرنسية.</translation>
        </message>
    </context>
    <context>
        <name>first_steps</name>
        <message>
            <source>Import the phone directory</source>
            <translation>توريد دليل الهواتف</translation>
        </message>
        <message>
            <source>Phone lines → Import: the lines the public can call (C8.1).</source>
            <translation>خطوط الهاتف ← توريد: الخطوط التي يتّصل بها العموم (C8.1).</translation>
        </message>
        <message>
            <source>Add the reception agents</source>
            <translation>إضافة أعوان الاستقبال</translation>
        </message>
        <message>
            <source>Agents → New agent: who answers the public (C8.3).</source>
            <translation>الأعوان ← عون جديد: من يجيب العموم (C8.3).</translation>
        </message>
        <message>
            <source>Add the users</source>
            <translation>إضافة المستعملين</translation>
        </message>
        <message>
            <source>Users → New user: supervisors and agents who sign in.</source>
            <translation>المستعملون ← مستعمل جديد: المشرفون والأعوان الذين يدخلون إلى التطبيقة.</translation>
        </message>
        <message>
            <source>Configure the mailbox</source>
            <translation>ضبط صندوق البريد</translation>
        </message>
        <message>
            <source>Settings: the e-mail address published for requests (C2.1).</source>
            <translation>الإعدادات: عنوان البريد الإلكتروني المنشور لتلقّي المطالب (C2.1).</translation>
        </message>
        <message>
            <source>Set the targets</source>
            <translation>ضبط الأهداف</translation>
        </message>
        <message>
            <source>Settings → Targets of the indicators: what counts as good here (C8.7).</source>
            <translation>الإعدادات ← أهداف المؤشّرات: ما يُعدّ جيّدًا هنا (C8.7).</translation>
        </message>
    </context>
    <context>
        <name>guides</name>
        <message>
            <source>Reference guide</source>
            <translation>دليل مرجعي</translation>
        </message>
        <message>
            <source>Procedure manual</source>
            <translation>دليل الإجراءات</translation>
        </message>
        <message>
            <source>Give the guide a title.</source>
            <translation>أدخل عنوان الدليل.</translation>
        </message>
        <message>
            <source>Choose a reference guide or a procedure manual.</source>
            <translation>اختر دليلا مرجعيا أو دليل إجراءات.</translation>
        </message>
        <message>
            <source>Give the guide's version, e.g. 2.0 or 2026-03.</source>
            <translation>أدخل نسخة الدليل، مثال: 2.0 أو 2026-03.</translation>
        </message>
        <message>
            <source>The next review comes after the last review.</source>
            <translation>المراجعة القادمة تأتي بعد آخر مراجعة.</translation>
        </message>
        <message>
            <source>Version {new} needs its own file: attach the document of version {new}.</source>
            <translation>النسخة {new} تتطلب ملفها الخاص: أرفق وثيقة النسخة {new}.</translation>
        </message>
        <message>
            <source>Version {new} of this guide was published before; give the new version a number of its own.</source>
            <translation>سبق نشر النسخة {new} من هذا الدليل؛ أعط النسخة الجديدة رقما خاصا بها.</translation>
        </message>
        <message>
            <source>This guide no longer exists.</source>
            <translation>هذا الدليل لم يعد موجودا.</translation>
        </message>
        <message>
            <source>Your account is not linked to an agent; ask HR to link it.</source>
            <translation>حسابك غير مرتبط بعون؛ اطلب من الموارد البشرية ربطه.</translation>
        </message>
        <message>
            <source>You may acknowledge guides only for yourself.</source>
            <translation>لا يمكنك تأكيد الاطلاع على الأدلة إلا لنفسك.</translation>
        </message>
        <message>
            <source>This guide has been withdrawn.</source>
            <translation>تم سحب هذا الدليل.</translation>
        </message>
        <message>
            <source>Version {old} is no longer current; read version {new} and acknowledge that one.</source>
            <translation>النسخة {old} لم تعد سارية؛ اطلع على النسخة {new} وأكد الاطلاع عليها.</translation>
        </message>
        <message>
            <source>A reading cannot be dated in the future.</source>
            <translation>لا يمكن تأريخ الاطلاع بتاريخ لاحق لليوم.</translation>
        </message>
        <message>
            <source>This agent no longer exists.</source>
            <translation>هذا العون لم يعد موجودا.</translation>
        </message>
        <message>
            <source>{name} was not working on {day} (not started yet or already left); their reading cannot be recorded for that day.</source>
            <translation>لم يكن {name} مباشرا يوم {day} (لم يباشر بعد أو غادر)؛ لا يمكن تسجيل اطلاعه في ذلك اليوم.</translation>
        </message>
        <message>
            <source>You may see only your own record.</source>
            <translation>لا يمكنك الاطلاع إلا على ملفك.</translation>
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
            <source>Requests answered within the legal 48 hours (%)</source>
            <translation>المطالب التي أُجيب عنها في الأجل القانوني 48 ساعة (%)</translation>
        </message>
        <message>
            <source>Senders told the answer needs documents to consult or coordination</source>
            <translation>مرسلون أُعلموا بأن الرد يتطلب الرجوع إلى عدة وثائق أو التنسيق</translation>
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
            <source>Requests received by e-mail</source>
            <translation>المطالب الواردة عبر البريد الإلكتروني</translation>
        </message>
        <message>
            <source>E-mail requests answered within 48 hours (%)</source>
            <translation>مطالب البريد الإلكتروني المجاب عنها في أجل 48 ساعة (%)</translation>
        </message>
        <message>
            <source>Published e-mail addresses proven to work (%)</source>
            <translation>عناوين البريد الإلكتروني المنشورة الثابت اشتغالها (%)</translation>
        </message>
        <message>
            <source>First responses entered after the fact</source>
            <translation>ردود أولى سُجّلت لاحقا</translation>
        </message>
        <message>
            <source>Notices past their announced answer date without an answer at period end</source>
            <translation>إعلامات تجاوزت موعد الرد المعلن دون رد في نهاية الفترة</translation>
        </message>
        <message>
            <source>Online services in the catalogue</source>
            <translation>الخدمات عن بعد بالدليل</translation>
        </message>
        <message>
            <source>Online services whose link works (%)</source>
            <translation>الخدمات عن بعد التي يعمل رابطها (%)</translation>
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
            <translation>المكالمات التي تمّ الرد عليها في الأجل (%)</translation>
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
            <translation>معدّل نقاط تقييم المكالمات</translation>
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
            <translation>وسيط مدة الرد بالثواني</translation>
        </message>
        <message>
            <source>Peak hour of inbound calls</source>
            <translation>ساعة ذروة المكالمات الواردة</translation>
        </message>
        <message>
            <source>Missed calls from numbers to call back</source>
            <translation>مكالمات دون رد من أرقام يمكن معاودة الاتصال بها</translation>
        </message>
        <message>
            <source>Missed callers reached within the window (%)</source>
            <translation>متصلون دون رد تمّ التواصل معهم في الأجل (%)</translation>
        </message>
        <message>
            <source>Median minutes to reach a missed caller</source>
            <translation>الوسيط بالدقائق للتواصل مع متصل دون رد</translation>
        </message>
        <message>
            <source>Training sessions held</source>
            <translation>الدورات التكوينية المنجزة</translation>
        </message>
        <message>
            <source>Training person-hours</source>
            <translation>مجموع ساعات التكوين للأعوان</translation>
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
        <name>kpi_remedy</name>
        <message>
            <source>Review the requests answered late with the team, assign a back-up reader for the mailbox on absences and, within the 48 hours, tell the sender when the answer needs many documents to consult or coordination with other public bodies (C2.1).</source>
            <translation>مراجعة المطالب التي أُجيب عنها متأخرة مع الفريق، وتعيين عون احتياطي لمتابعة البريد عند الغياب، وإعلام المرسل في أجل 48 ساعة عندما يتطلب الرد الرجوع إلى عدة وثائق أو التنسيق مع هياكل عمومية أخرى (C2.1).</translation>
        </message>
        <message>
            <source>Read the mailbox at least twice a day and answer with the standard replies of the reference guide; send the notice at once when the answer needs coordination (C2.1).</source>
            <translation>الاطلاع على البريد مرتين في اليوم على الأقل والإجابة بالردود النموذجية للدليل المرجعي، وإرسال الإعلام فورا عندما تتطلب الإجابة تنسيقا (C2.1).</translation>
        </message>
        <message>
            <source>Answer or send a notice for every overdue request this week, then check the list of requests near their deadline every morning (C2.1).</source>
            <translation>الإجابة أو إرسال إعلام لكل مطلب متأخر هذا الأسبوع، ثم مراجعة قائمة المطالب القريبة من أجلها كل صباح (C2.1).</translation>
        </message>
        <message>
            <source>Check that each notice names the documents or bodies involved and follow the request to its final answer (C2.1).</source>
            <translation>التثبت من أن كل إعلام يذكر الوثائق أو الهياكل المعنية ومتابعة المطلب إلى غاية الرد النهائي (C2.1).</translation>
        </message>
        <message>
            <source>Record each answer in Istiqbal when it is given, not later; review with the team the responses entered after the fact and their reasons (C2.1).</source>
            <translation>تسجيل كل رد في استقبال عند تقديمه لا لاحقا؛ ومراجعة الردود المسجلة لاحقا وأسبابها مع الفريق (C2.1).</translation>
        </message>
        <message>
            <source>Answer the requests whose announced answer date has passed, or tell the sender the new date; chase the documents or the bodies the notice named (C2.1).</source>
            <translation>الرد على المطالب التي تجاوزت موعد الرد المعلن أو إعلام المرسل بالموعد الجديد، ومتابعة الوثائق أو الهياكل المذكورة في الإعلام (C2.1).</translation>
        </message>
        <message>
            <source>Follow each open request to its final answer and close it; report the requests blocked by another body (C2.3).</source>
            <translation>متابعة كل مطلب مفتوح إلى غاية الرد النهائي وغلقه، والإبلاغ عن المطالب المعطلة لدى هيكل آخر (C2.3).</translation>
        </message>
        <message>
            <source>Plan a test call on every line in service each month and record its result (C8.1).</source>
            <translation>برمجة مكالمة اختبار شهرية لكل خط في الخدمة وتسجيل نتيجتها (C8.1).</translation>
        </message>
        <message>
            <source>Report each line found out of order to the operator at once and forward it to a working line meanwhile (C8.4, C2.4).</source>
            <translation>إبلاغ المشغل فورا بكل خط معطل وتحويله إلى خط يعمل في الأثناء (C8.4، C2.4).</translation>
        </message>
        <message>
            <source>Repair or replace the dead links of the online services and check them again (C2.2).</source>
            <translation>إصلاح أو تعويض الروابط المعطلة للخدمات عن بعد ثم إعادة التثبت منها (C2.2).</translation>
        </message>
        <message>
            <source>Publish every line in service on the website and on forms and posters, and remove the retired ones (C8.1).</source>
            <translation>نشر كل خط في الخدمة على موقع الواب وعلى المطبوعات والمعلقات، وحذف الخطوط الملغاة (C8.1).</translation>
        </message>
        <message>
            <source>Chase the operator for each open fault and forward the line to an agent's phone until it is repaired (C8.4, C2.4).</source>
            <translation>متابعة المشغل بخصوص كل عطب مفتوح وتحويل الخط إلى هاتف عون إلى حين إصلاحه (C8.4، C2.4).</translation>
        </message>
        <message>
            <source>Agree a repair delay with the operator and escalate the faults that exceed it (C8.4).</source>
            <translation>الاتفاق مع المشغل على أجل للإصلاح ورفع الأعطاب التي تتجاوزه إلى المستوى الأعلى (C8.4).</translation>
        </message>
        <message>
            <source>Reinforce the lines at peak hours, forward unanswered lines to an available agent and remind agents that calls must be picked up within five minutes (C8.2, C8.4).</source>
            <translation>تدعيم الخطوط في ساعات الذروة، وتحويل الخطوط التي لا يُجاب عنها إلى عون متاح، وتذكير الأعوان بوجوب الرد في أقل من خمس دقائق (C8.2، C8.4).</translation>
        </message>
        <message>
            <source>Remind agents to greet the caller first, with a short session on the reception standards (C8.2, C8.5).</source>
            <translation>تذكير الأعوان بالمبادرة بتحية المتصل، مع حصة قصيرة حول معايير الاستقبال (C8.2، C8.5).</translation>
        </message>
        <message>
            <source>Post the standard greeting that names the body beside every phone and check it during listening sessions (C8.2).</source>
            <translation>تعليق عبارة التحية النموذجية التي تذكر اسم الهيكل بجانب كل هاتف والتثبت منها خلال حصص الاستماع (C8.2).</translation>
        </message>
        <message>
            <source>Go over the evaluations with each agent, train on the weakest criteria and recognise the best agents (C8.2, C8.5).</source>
            <translation>مراجعة التقييمات مع كل عون، والتكوين في المعايير الأضعف، وتكريم أفضل الأعوان (C8.2، C8.5).</translation>
        </message>
        <message>
            <source>Plan listening sessions and mystery calls every month so that each agent is evaluated (C8.7).</source>
            <translation>برمجة حصص استماع ومكالمات تقييم خفية كل شهر حتى يُقيّم كل عون (C8.7).</translation>
        </message>
        <message>
            <source>Add agents or lines at the peak hour shown in the traffic sheet and forward lines left unattended (C8.4, C2.4).</source>
            <translation>إضافة أعوان أو خطوط في ساعة الذروة المبينة في ورقة حركة المكالمات وتحويل الخطوط غير المؤمنة (C8.4، C2.4).</translation>
        </message>
        <message>
            <source>Reorganise the reception rota around the peak hours so that calls are picked up quickly (C8.2, C8.4).</source>
            <translation>إعادة تنظيم جدول الاستمرار حسب ساعات الذروة حتى يُجاب عن المكالمات بسرعة (C8.2، C8.4).</translation>
        </message>
        <message>
            <source>Go through the list of callers to call back every morning, assign it to an agent with a line or a service mobile, and record each call-back (C2.4, C8.2).</source>
            <translation>مراجعة قائمة المتصلين الواجب معاودة الاتصال بهم كل صباح، وتكليف عون بها على خط أو هاتف جوال للمصلحة، وتسجيل كل معاودة اتصال (C2.4، C8.2).</translation>
        </message>
        <message>
            <source>Call the missed callers back the same morning, starting with the oldest in the list, and forward the line to a mobile when nobody is at the desk (C2.4, C8.2).</source>
            <translation>معاودة الاتصال بالمتصلين دون رد في نفس الصباح بدءًا بالأقدم في القائمة، وتحويل الخط إلى هاتف جوال عند غياب من يرد (C2.4، C8.2).</translation>
        </message>
        <message>
            <source>Plan the training sessions of the next quarter on reception techniques and legal updates (C8.5).</source>
            <translation>برمجة دورات تكوين الثلاثية القادمة حول تقنيات الاستقبال والمستجدات القانونية (C8.5).</translation>
        </message>
        <message>
            <source>Register the agents not yet trained in the next session on reception and guidance techniques (C8.5).</source>
            <translation>تسجيل الأعوان الذين لم يتلقوا تكوينا بعد في الدورة القادمة حول تقنيات الاستقبال والإرشاد (C8.5).</translation>
        </message>
        <message>
            <source>Organise an awareness session on serving people with disabilities and the elderly for the agents not yet trained (C8.6).</source>
            <translation>تنظيم حصة تحسيسية حول خدمة ذوي الإعاقة وكبار السن لفائدة الأعوان الذين لم يتلقوا تكوينا بعد (C8.6).</translation>
        </message>
        <message>
            <source>Look into the causes with the team concerned and set a dated correction (C8.7).</source>
            <translation>دراسة الأسباب مع الفريق المعني وتحديد إجراء تصحيحي مؤرخ (C8.7).</translation>
        </message>
    </context>
    <context>
        <name>kpi_status</name>
        <message>
            <source>Good</source>
            <translation>جيد</translation>
        </message>
        <message>
            <source>Watch</source>
            <translation>للمتابعة</translation>
        </message>
        <message>
            <source>Below target</source>
            <translation>دون الهدف</translation>
        </message>
        <message>
            <source>No target</source>
            <translation>بلا هدف محدد</translation>
        </message>
        <message>
            <source>Not yet measurable</source>
            <translation>غير قابل للقيس بعد</translation>
        </message>
        <message>
            <source>No data</source>
            <translation>لا معطيات</translation>
        </message>
    </context>
    <context>
        <name>legal_updates</name>
        <message>
            <source>Give the text's reference, e.g. Decree 2026-123.</source>
            <translation>أدخل مرجع النص، مثال: الأمر عدد 2026-123.</translation>
        </message>
        <message>
            <source>One of the agents no longer exists.</source>
            <translation>أحد الأعوان لم يعد موجودا.</translation>
        </message>
        <message>
            <source>This update no longer exists.</source>
            <translation>هذا المستجد لم يعد موجودا.</translation>
        </message>
    </context>
    <context>
        <name>lines</name>
        <message>
            <source>Switchboard</source>
            <translation>المقسم</translation>
        </message>
        <message>
            <source>Green number</source>
            <translation>الرقم الأخضر</translation>
        </message>
        <message>
            <source>Short number</source>
            <translation>الرقم المختصر</translation>
        </message>
        <message>
            <source>Call centre</source>
            <translation>مركز النداء</translation>
        </message>
        <message>
            <source>Fax</source>
            <translation>فاكس</translation>
        </message>
        <message>
            <source>Direct line</source>
            <translation>خط مباشر</translation>
        </message>
        <message>
            <source>Service mobile</source>
            <translation>هاتف جوال</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>أخرى</translation>
        </message>
        <message>
            <source>In service</source>
            <translation>يعمل</translation>
        </message>
        <message>
            <source>Faulty</source>
            <translation>معطّل</translation>
        </message>
        <message>
            <source>Out of service</source>
            <translation>خارج الخدمة</translation>
        </message>
        <message>
            <source>Retired</source>
            <translation>ملغى</translation>
        </message>
        <message>
            <source>Mystery call</source>
            <translation>مكالمة المواطن الرقيب</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>مستورد</translation>
        </message>
        <message>
            <source>Verification round</source>
            <translation>جولة المراقبة</translation>
        </message>
        <message>
            <source>Answered and named the body</source>
            <translation>رُدّ مع ذكر اسم الهيكل</translation>
        </message>
        <message>
            <source>Answered</source>
            <translation>رُدّ</translation>
        </message>
        <message>
            <source>No answer</source>
            <translation>لا رد</translation>
        </message>
        <message>
            <source>Busy</source>
            <translation>مشغول</translation>
        </message>
        <message>
            <source>Out of order</source>
            <translation>معطّل</translation>
        </message>
        <message>
            <source>Wrong destination</source>
            <translation>وجهة خاطئة</translation>
        </message>
        <message>
            <source>Website</source>
            <translation>الموقع</translation>
        </message>
        <message>
            <source>Letters</source>
            <translation>المراسلات</translation>
        </message>
        <message>
            <source>Posters</source>
            <translation>المعلقات</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>الوثائق</translation>
        </message>
        <message>
            <source>This phone line no longer exists.</source>
            <translation>هذا الخط الهاتفي لم يعد موجودًا.</translation>
        </message>
        <message>
            <source>Someone else changed this record meanwhile; reopen it and try again.</source>
            <translation>غيّر شخص آخر هذا السجل في الأثناء؛ أعد فتحه وحاول مجددًا.</translation>
        </message>
        <message>
            <source>Choose the kind of line.</source>
            <translation>اختر نوع الخط.</translation>
        </message>
        <message>
            <source>Choose the status of the line.</source>
            <translation>اختر حالة الخط.</translation>
        </message>
        <message>
            <source>“{where}” is not a place where numbers are published.</source>
            <translation>«{where}» ليس مكانًا لنشر الأرقام.</translation>
        </message>
        <message>
            <source>The extension “{text}” must be digits only.</source>
            <translation>الرقم الداخلي «{text}» يجب أن يتكون من أرقام فقط.</translation>
        </message>
        <message>
            <source>The number {number} is already in the inventory ({label}).</source>
            <translation>الرقم {number} موجود في القائمة ({label}).</translation>
        </message>
        <message>
            <source>Choose the result of the check.</source>
            <translation>اختر نتيجة المراقبة.</translation>
        </message>
        <message>
            <source>A check cannot be recorded in the future.</source>
            <translation>لا يمكن تسجيل مراقبة في تاريخ لاحق.</translation>
        </message>
        <message>
            <source>The line {number} is retired; it cannot be checked.</source>
            <translation>الخط {number} ملغى؛ لا يمكن مراقبته.</translation>
        </message>
        <message>
            <source>Say why the check is withdrawn.</source>
            <translation>اذكر سبب سحب التثبت.</translation>
        </message>
        <message>
            <source>This check no longer exists.</source>
            <translation>هذا التثبت لم يعد موجودا.</translation>
        </message>
        <message>
            <source>Only the person who recorded a check can withdraw it.</source>
            <translation>لا يسحب التثبت إلا من سجّله.</translation>
        </message>
        <message>
            <source>A check can be withdrawn only within a day of recording it.</source>
            <translation>لا يمكن سحب التثبت إلا في أجل يوم من تسجيله.</translation>
        </message>
        <message>
            <source>A fault cannot be reported in the future.</source>
            <translation>لا يمكن الإبلاغ عن عطب في تاريخ لاحق.</translation>
        </message>
        <message>
            <source>Describe the fault (what callers hear or see).</source>
            <translation>صِف العطب (ما يسمعه أو يلاحظه المتصلون).</translation>
        </message>
        <message>
            <source>A repair cannot be recorded in the future.</source>
            <translation>لا يمكن تسجيل إصلاح في تاريخ لاحق.</translation>
        </message>
        <message>
            <source>This fault no longer exists.</source>
            <translation>هذا العطب لم يعد موجودًا.</translation>
        </message>
        <message>
            <source>This fault is already marked repaired.</source>
            <translation>هذا العطب مسجّل كمُصلَح.</translation>
        </message>
        <message>
            <source>The repair cannot come before the fault was reported.</source>
            <translation>لا يمكن أن يسبق الإصلاحُ تاريخَ الإبلاغ عن العطب.</translation>
        </message>
        <message>
            <source>Name the maintenance task.</source>
            <translation>اذكر عملية الصيانة.</translation>
        </message>
        <message>
            <source>The maintenance interval must be between 1 and 3650 days.</source>
            <translation>يجب أن تكون دورية الصيانة بين 1 و3650 يومًا.</translation>
        </message>
        <message>
            <source>Maintenance cannot be marked done in the future.</source>
            <translation>لا يمكن تسجيل صيانة منجزة في تاريخ لاحق.</translation>
        </message>
        <message>
            <source>This maintenance task no longer exists.</source>
            <translation>عملية الصيانة هذه لم تعد موجودة.</translation>
        </message>
        <message>
            <source>Name the peak period (e.g. school enrolment).</source>
            <translation>اذكر فترة الذروة (مثال: العودة المدرسية).</translation>
        </message>
        <message>
            <source>The peak period ends before it starts.</source>
            <translation>تنتهي فترة الذروة قبل أن تبدأ.</translation>
        </message>
        <message>
            <source>Extra lines and agents cannot be negative.</source>
            <translation>لا يمكن أن يكون عدد الخطوط أو الأعوان الإضافيين سالبًا.</translation>
        </message>
        <message>
            <source>A reinforcement plan adds at least one line or one agent.</source>
            <translation>يجب أن يضيف برنامج التعزيز خطًا أو عونًا على الأقل.</translation>
        </message>
        <message>
            <source>This plan no longer exists.</source>
            <translation>هذا البرنامج لم يعد موجودًا.</translation>
        </message>
        <message>
            <source>The forwarding must end after it starts.</source>
            <translation>يجب أن ينتهي التحويل بعد بدايته.</translation>
        </message>
        <message>
            <source>This forwarding would already be over.</source>
            <translation>هذا التحويل سيكون قد انتهى.</translation>
        </message>
        <message>
            <source>A retired line cannot be forwarded.</source>
            <translation>لا يمكن تحويل خط ملغى.</translation>
        </message>
        <message>
            <source>A line cannot be forwarded to itself.</source>
            <translation>لا يمكن تحويل خط إلى نفسه.</translation>
        </message>
        <message>
            <source>Choose the agent who will answer.</source>
            <translation>اختر العون الذي سيرد.</translation>
        </message>
        <message>
            <source>This line is already forwarded during part of that period.</source>
            <translation>هذا الخط محوّل خلال جزء من تلك الفترة.</translation>
        </message>
        <message>
            <source>This forwarding no longer exists.</source>
            <translation>هذا التحويل لم يعد موجودًا.</translation>
        </message>
    </context>
    <context>
        <name>lines_file</name>
        <message>
            <source>“{text}” is not a kind of line (switchboard, green, short, call_centre, fax, direct, mobile, other).</source>
            <translation>«{text}» ليس نوع خط (المقسم، الرقم الأخضر، الرقم المختصر، مركز النداء، فاكس، خط مباشر، هاتف جوال، أخرى).</translation>
        </message>
        <message>
            <source>“{text}” is not a place of publication (website, letters, posters, documents).</source>
            <translation>«{text}» ليس مكان نشر (الموقع، المراسلات، المعلقات، الوثائق).</translation>
        </message>
        <message>
            <source>{number} is already on row {first} with extension {kept}; one line per number is kept, so extension {lost} of this row is not imported.</source>
            <translation>الرقم {number} موجود في السطر {first} بالرقم الداخلي {kept}؛ يُحفظ خط واحد لكل رقم، لذلك لا يُورَد الرقم الداخلي {lost} الوارد في هذا السطر.</translation>
        </message>
        <message>
            <source>{number} is already on row {first} without an extension; one line per number is kept, so extension {lost} of this row is not imported.</source>
            <translation>الرقم {number} موجود في السطر {first} دون رقم داخلي؛ يُحفظ خط واحد لكل رقم، لذلك لا يُورَد الرقم الداخلي {lost} الوارد في هذا السطر.</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>الرقم</translation>
        </message>
        <message>
            <source>Extension</source>
            <translation>الداخلي</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>النوع</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>التسمية</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>المصلحة</translation>
        </message>
        <message>
            <source>Published on</source>
            <translation>النشر</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>الحالة</translation>
        </message>
        <message>
            <source>Last check</source>
            <translation>آخر مراقبة</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>النتيجة</translation>
        </message>
        <message>
            <source>Forwarded to</source>
            <translation>محوّل إلى</translation>
        </message>
        <message>
            <source>International form</source>
            <translation>الصيغة الدولية</translation>
        </message>
        <message>
            <source>The export is an Excel file: give a name ending in .xlsx.</source>
            <translation>التصدير ملف Excel: اختر اسمًا ينتهي بـ .xlsx.</translation>
        </message>
        <message>
            <source>Phone lines</source>
            <translation>الخطوط الهاتفية</translation>
        </message>
        <message>
            <source>Phone lines published to the public</source>
            <translation>الخطوط الهاتفية المتاحة للعموم</translation>
        </message>
        <message>
            <source>Exported on {date}</source>
            <translation>صُدّر بتاريخ {date}</translation>
        </message>
        <message>
            <source>Page &amp;P of &amp;N</source>
            <translation>&amp;P من &amp;N</translation>
        </message>
        <message>
            <source>{file} cannot be written: is it open in another program?</source>
            <translation>لا يمكن كتابة {file}: هل هو مفتوح في برنامج آخر؟</translation>
        </message>
        <message>
            <source>{file} cannot be written: {reason}</source>
            <translation>لا يمكن كتابة {file}: {reason}</translation>
        </message>
    </context>
    <context>
        <name>mail</name>
        <message>
            <source>{address}: {outcome}</source>
            <translation>{address}: {outcome}</translation>
        </message>
        <message>
            <source>IMAP: signed in to {host}, folder {folder} found.</source>
            <translation>IMAP: تمّ الدخول إلى {host} والعثور على المجلد {folder}.</translation>
        </message>
        <message>
            <source>SMTP: signed in to {host}.</source>
            <translation>SMTP: تمّ الدخول إلى {host}.</translation>
        </message>
        <message>
            <source>No active mailbox has the address {address}.</source>
            <translation>لا يوجد صندوق بريد مفعّل بالعنوان {address}.</translation>
        </message>
        <message>
            <source>No mailbox is configured: add one in Settings.</source>
            <translation>لم يُضبط أي صندوق بريد: أضف صندوقا في الإعدادات.</translation>
        </message>
        <message>
            <source>{file} is not a regular file.</source>
            <translation>{file} ليس ملفا عاديا.</translation>
        </message>
        <message>
            <source>{file} is too large to import ({size} MB).</source>
            <translation>{file} أكبر من أن يُورَّد ({size} ميغابايت).</translation>
        </message>
        <message>
            <source>{file} does not exist.</source>
            <translation>{file} غير موجود.</translation>
        </message>
        <message>
            <source>The folder {file} holds no .eml file.</source>
            <translation>المجلد {file} لا يحتوي على أي ملف ‎.eml.</translation>
        </message>
        <message>
            <source>The file cannot be read ({reason}).</source>
            <translation>تعذّرت قراءة الملف ({reason}).</translation>
        </message>
        <message>
            <source>The file is empty.</source>
            <translation>الملف فارغ.</translation>
        </message>
        <message>
            <source>The file is not a saved e-mail (it does not start with headers such as From: or Date:); save messages as .eml, or a mailbox as mbox.</source>
            <translation>الملف ليس رسالة إلكترونية محفوظة (لا يبدأ بترويسات مثل From: أو Date:)؛ احفظوا الرسائل بصيغة .eml أو صندوق البريد بصيغة mbox.</translation>
        </message>
        <message>
            <source>No published mailbox to prove: add one in Settings.</source>
            <translation>لا يوجد صندوق بريد منشور للتثبّت منه: أضف صندوقا في الإعدادات.</translation>
        </message>
        <message>
            <source>Istiqbal: proof that this address receives mail</source>
            <translation>استقبال: التثبّت من أنّ هذا العنوان يتلقّى البريد</translation>
        </message>
        <message>
            <source>Automatic message sent by Istiqbal to prove that the published address works (circular 2/2020). It can be deleted.</source>
            <translation>رسالة آلية أرسلها برنامج استقبال للتثبّت من اشتغال العنوان المنشور (المنشور عدد 2 لسنة 2020). يمكن حذفها.</translation>
        </message>
        <message>
            <source>The probe arrived: {address} receives mail.</source>
            <translation>وصلت رسالة الاختبار: العنوان {address} يتلقّى البريد.</translation>
        </message>
        <message>
            <source>(no subject)</source>
            <translation>(دون موضوع)</translation>
        </message>
        <message>
            <source>The message came back undelivered.</source>
            <translation>عادت الرسالة دون أن تُسلَّم.</translation>
        </message>
        <message>
            <source>“{value}” is not an e-mail address.</source>
            <translation>«{value}» ليس عنوان بريد إلكتروني.</translation>
        </message>
        <message>
            <source>“{value}” is not a server name.</source>
            <translation>«{value}» ليس اسم خادم.</translation>
        </message>
        <message>
            <source>A port is a number from 1 to 65535.</source>
            <translation>المنفذ عدد بين 1 و65535.</translation>
        </message>
        <message>
            <source>Connections are always encrypted: choose TLS or STARTTLS.</source>
            <translation>الاتصالات مشفّرة دائما: اختر TLS أو STARTTLS.</translation>
        </message>
        <message>
            <source>Unknown place of publication.</source>
            <translation>مكان نشر غير معروف.</translation>
        </message>
        <message>
            <source>The certificate authority file {file} does not exist.</source>
            <translation>ملف سلطة الشهادات {file} غير موجود.</translation>
        </message>
        <message>
            <source>Give the mailbox's password.</source>
            <translation>أدخل كلمة عبور صندوق البريد.</translation>
        </message>
        <message>
            <source>A mailbox with the address {address} already exists.</source>
            <translation>يوجد صندوق بريد بالعنوان {address}.</translation>
        </message>
        <message>
            <source>This mailbox no longer exists.</source>
            <translation>صندوق البريد هذا لم يعد موجودا.</translation>
        </message>
        <message>
            <source>The mailbox {address} was changed meanwhile; reopen it.</source>
            <translation>تمّ تغيير صندوق البريد {address} في الأثناء؛ أعد فتحه.</translation>
        </message>
        <message>
            <source>No password is stored for {address}: enter it again in Settings.</source>
            <translation>لا توجد كلمة عبور محفوظة لـ {address}: أعد إدخالها في الإعدادات.</translation>
        </message>
        <message>
            <source>The {server} server name {host} cannot be found (DNS).</source>
            <translation>تعذّر العثور على اسم خادم {server} ‏{host} (DNS).</translation>
        </message>
        <message>
            <source>The {server} server {host} does not answer or cut the connection.</source>
            <translation>خادم {server} ‏{host} لا يجيب أو قطع الاتصال.</translation>
        </message>
        <message>
            <source>The {server} server {host} has no valid certificate for that name, or refused the encrypted connection (TLS).</source>
            <translation>خادم {server} ‏{host} ليست له شهادة صالحة لهذا الاسم، أو رفض الاتصال المشفّر (TLS).</translation>
        </message>
        <message>
            <source>The {server} server {host} refused the user name or the password.</source>
            <translation>رفض خادم {server} ‏{host} اسم المستخدم أو كلمة العبور.</translation>
        </message>
        <message>
            <source>The folder does not exist on the {server} server {host}.</source>
            <translation>المجلد غير موجود على خادم {server} ‏{host}.</translation>
        </message>
        <message>
            <source>The {server} server {host} refused the message.</source>
            <translation>رفض خادم {server} ‏{host} الرسالة.</translation>
        </message>
        <message>
            <source>The {server} server {host} answered in an unexpected way.</source>
            <translation>أجاب خادم {server} ‏{host} بطريقة غير متوقّعة.</translation>
        </message>
        <message>
            <source>The message is larger than the {limit} MB limit set in Settings.</source>
            <translation>حجم الرسالة يتجاوز الحد المضبوط في الإعدادات ({limit} ميغابايت).</translation>
        </message>
        <message>
            <source>The message has neither a usable Received: nor a usable Date: header, so when it arrived is unknown.</source>
            <translation>لا تحتوي الرسالة على ترويسة Received: ولا Date: صالحة، فتاريخ ورودها مجهول.</translation>
        </message>
        <message>
            <source>The message has no sender address to answer.</source>
            <translation>لا تحتوي الرسالة على عنوان مرسل يمكن الرد عليه.</translation>
        </message>
        <message>
            <source>The message is damaged or built to be unreadable; it was not read.</source>
            <translation>الرسالة تالفة أو مصمّمة لتكون غير قابلة للقراءة؛ لم تتمّ قراءتها.</translation>
        </message>
        <message>
            <source>Unknown kind of message.</source>
            <translation>نوع رسالة غير معروف.</translation>
        </message>
        <message>
            <source>Request {ref} has no e-mail address to answer.</source>
            <translation>المطلب {ref} ليس له عنوان بريد إلكتروني للرد عليه.</translation>
        </message>
        <message>
            <source>Sent by e-mail to {address}: {subject}</source>
            <translation>أُرسل عبر البريد الإلكتروني إلى {address}: {subject}</translation>
        </message>
        <message>
            <source>This attachment no longer exists.</source>
            <translation>هذا المرفق لم يعد موجودا.</translation>
        </message>
        <message numerus="yes">
            <source>Checked (nothing written): new requests: %n; replies to a request: {r}; automatic messages: {a}; already present: {d}.</source>
            <translation>
                <numerusform>تمّ الفحص (دون تسجيل أي شيء): لا مطلب جديد، {r} ردود على مطلب، {a} رسائل آلية، {d} موجودة سابقا.</numerusform>
                <numerusform>تمّ الفحص (دون تسجيل أي شيء): مطلب جديد واحد، {r} ردود على مطلب، {a} رسائل آلية، {d} موجودة سابقا.</numerusform>
                <numerusform>تمّ الفحص (دون تسجيل أي شيء): مطلبان جديدان، {r} ردود على مطلب، {a} رسائل آلية، {d} موجودة سابقا.</numerusform>
                <numerusform>تمّ الفحص (دون تسجيل أي شيء): %n مطالب جديدة، {r} ردود على مطلب، {a} رسائل آلية، {d} موجودة سابقا.</numerusform>
                <numerusform>تمّ الفحص (دون تسجيل أي شيء): %n مطلبًا جديدًا، {r} ردود على مطلب، {a} رسائل آلية، {d} موجودة سابقا.</numerusform>
                <numerusform>تمّ الفحص (دون تسجيل أي شيء): %n مطلب جديد، {r} ردود على مطلب، {a} رسائل آلية، {d} موجودة سابقا.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>New requests imported: %n; replies to a request: {r}; automatic messages: {a}; skipped as already present: {d}.</source>
            <translation>
                <numerusform>لم يُورَّد أيّ مطلب جديد و{r} ردود على مطلب و{a} رسائل آلية؛ وتمّ تجاوز {d} موجودة سابقا.</numerusform>
                <numerusform>تمّ توريد مطلب جديد واحد و{r} ردود على مطلب و{a} رسائل آلية؛ وتمّ تجاوز {d} موجودة سابقا.</numerusform>
                <numerusform>تمّ توريد مطلبين جديدين و{r} ردود على مطلب و{a} رسائل آلية؛ وتمّ تجاوز {d} موجودة سابقا.</numerusform>
                <numerusform>تمّ توريد %n مطالب جديدة و{r} ردود على مطلب و{a} رسائل آلية؛ وتمّ تجاوز {d} موجودة سابقا.</numerusform>
                <numerusform>تمّ توريد %n مطلبًا جديدًا و{r} ردود على مطلب و{a} رسائل آلية؛ وتمّ تجاوز {d} موجودة سابقا.</numerusform>
                <numerusform>تمّ توريد %n مطلب جديد و{r} ردود على مطلب و{a} رسائل آلية؛ وتمّ تجاوز {d} موجودة سابقا.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>New requests: %n; replies: {r}; automatic: {a}; kept aside as unreadable: {f}.</source>
            <translation>
                <numerusform>لا مطلب جديد، {r} ردود، {a} رسائل آلية، {f} رسائل وُضعت جانبا لتعذّر قراءتها.</numerusform>
                <numerusform>مطلب جديد واحد، {r} ردود، {a} رسائل آلية، {f} رسائل وُضعت جانبا لتعذّر قراءتها.</numerusform>
                <numerusform>مطلبان جديدان، {r} ردود، {a} رسائل آلية، {f} رسائل وُضعت جانبا لتعذّر قراءتها.</numerusform>
                <numerusform>%n مطالب جديدة، {r} ردود، {a} رسائل آلية، {f} رسائل وُضعت جانبا لتعذّر قراءتها.</numerusform>
                <numerusform>%n مطلبًا جديدًا، {r} ردود، {a} رسائل آلية، {f} رسائل وُضعت جانبا لتعذّر قراءتها.</numerusform>
                <numerusform>%n مطلب جديد، {r} ردود، {a} رسائل آلية، {f} رسائل وُضعت جانبا لتعذّر قراءتها.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The probe sent to {address} did not arrive within %n s.</source>
            <translation>
                <numerusform>رسالة الاختبار المرسلة إلى {address} لم تصل في أجل %n ثانية.</numerusform>
                <numerusform>رسالة الاختبار المرسلة إلى {address} لم تصل في أجل ثانية واحدة.</numerusform>
                <numerusform>رسالة الاختبار المرسلة إلى {address} لم تصل في أجل ثانيتين.</numerusform>
                <numerusform>رسالة الاختبار المرسلة إلى {address} لم تصل في أجل %n ثوانٍ.</numerusform>
                <numerusform>رسالة الاختبار المرسلة إلى {address} لم تصل في أجل %n ثانية.</numerusform>
                <numerusform>رسالة الاختبار المرسلة إلى {address} لم تصل في أجل %n ثانية.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>mail_report</name>
        <message>
            <source>Received, on time and first response by channel</source>
            <translation>الوارد والمجاب عنه في الأجل وأول رد حسب القناة</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>القناة</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>الوارد</translation>
        </message>
        <message>
            <source>On time (%)</source>
            <translation>في الأجل (%)</translation>
        </message>
        <message>
            <source>Median hours to first response</source>
            <translation>وسيط الساعات حتى أول رد</translation>
        </message>
        <message>
            <source>arrived</source>
            <translation>وصلت</translation>
        </message>
        <message>
            <source>never probed</source>
            <translation>لم يُختبر أبدا</translation>
        </message>
        <message>
            <source>Published mailboxes (C2.1)</source>
            <translation>صناديق البريد المنشورة (C2.1)</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>العنوان</translation>
        </message>
        <message>
            <source>Published on</source>
            <translation>منشور في</translation>
        </message>
        <message>
            <source>Last probe</source>
            <translation>آخر اختبار</translation>
        </message>
        <message>
            <source>Probe result</source>
            <translation>نتيجة الاختبار</translation>
        </message>
        <message>
            <source>Last fetch</source>
            <translation>آخر جلب</translation>
        </message>
        <message>
            <source>Fetch outcome</source>
            <translation>نتيجة الجلب</translation>
        </message>
        <message>
            <source>Failed sendings</source>
            <translation>إرسالات فاشلة</translation>
        </message>
        <message>
            <source>Every published address must be proven to receive mail (circular 2/2020); a probe older than 30 days no longer proves it.</source>
            <translation>يجب التثبّت من أنّ كل عنوان منشور يتلقّى البريد (المنشور عدد 2 لسنة 2020)؛ اختبار يعود لأكثر من 30 يوما لم يعد يثبت ذلك.</translation>
        </message>
        <message>
            <source>E-mail channel</source>
            <translation>البريد الإلكتروني</translation>
        </message>
        <message>
            <source>{address}: not proven</source>
            <translation>{address}: لم يُثبت اشتغاله</translation>
        </message>
        <message>
            <source>{address}: last proven {when}</source>
            <translation>{address}: آخر تثبّت {when}</translation>
        </message>
        <message>
            <source>Published addresses not proven in 30 days</source>
            <translation>عناوين منشورة لم يُتثبّت منها منذ 30 يوما</translation>
        </message>
        <message>
            <source>{ref} — to {address}: {error}</source>
            <translation>{ref} — إلى {address}: {error}</translation>
        </message>
        <message>
            <source>E-mails not sent (retried)</source>
            <translation>رسائل لم تُرسل (ستُعاد المحاولة)</translation>
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
        <message>
            <source>Call evaluations</source>
            <translation>تقييم المكالمات</translation>
        </message>
        <message>
            <source>Call traffic</source>
            <translation>حركة المكالمات</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>لوحة القيادة</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>التقارير</translation>
        </message>
        <message>
            <source>Phone lines</source>
            <translation>الخطوط الهاتفية</translation>
        </message>
        <message>
            <source>Agents</source>
            <translation>الأعوان</translation>
        </message>
        <message>
            <source>Training</source>
            <translation>التكوين</translation>
        </message>
        <message>
            <source>Online services</source>
            <translation>الخدمات عن بعد</translation>
        </message>
    </context>
    <context>
        <name>periods</name>
        <message>
            <source>The start date {first} is after the end date {last}: the dates are reversed.</source>
            <translation>تاريخ البداية {first} لاحق لتاريخ النهاية {last}: التاريخان معكوسان.</translation>
        </message>
        <message>
            <source>“{text}” is not a period: write 2026-Q3, 2026-07, 2026 or 2026-07-01..2026-09-30.</source>
            <translation>«{text}» ليست فترة: اكتب 2026-Q3 أو 2026-07 أو 2026 أو 2026-07-01..2026-09-30.</translation>
        </message>
    </context>
    <context>
        <name>permissions</name>
        <message>
            <source>Your rights changed; sign in again.</source>
            <translation>تغيّرت صلاحياتك؛ يُرجى تسجيل الدخول من جديد.</translation>
        </message>
        <message>
            <source>Your role ({role}) does not allow this action.</source>
            <translation>دورك ({role}) لا يسمح بهذه العملية.</translation>
        </message>
        <message>
            <source>Viewer</source>
            <translation>مُطّلع</translation>
        </message>
    </context>
    <context>
        <name>phones</name>
        <message>
            <source>The phone number is empty.</source>
            <translation>رقم الهاتف فارغ.</translation>
        </message>
        <message>
            <source>“{text}” contains no phone number.</source>
            <translation>«{text}» لا يحتوي على رقم هاتف.</translation>
        </message>
        <message>
            <source>“{text}” is not a phone number: it has letters among the digits.</source>
            <translation>«{text}» ليس رقم هاتف: توجد حروف بين الأرقام.</translation>
        </message>
        <message>
            <source>“{text}” is not a phone number: “{char}” cannot be part of one.</source>
            <translation>«{text}» ليس رقم هاتف: لا يمكن أن يتضمّن الرقم «{char}».</translation>
        </message>
        <message>
            <source>“{text}” is not a green number: a green number has 8 digits beginning with 80 (e.g. 80 100 321).</source>
            <translation>«{text}» ليس رقمًا أخضر: الرقم الأخضر يتكوّن من 8 أرقام ويبدأ بـ 80 (مثال: 80 100 321).</translation>
        </message>
        <message>
            <source>“{text}” is not in Tunisia's known green-number ranges; check it is right.</source>
            <translation>«{text}» خارج مجالات الأرقام الخضراء المعروفة في تونس؛ تثبّت من صحته.</translation>
        </message>
        <message>
            <source>“{text}” is not a valid Tunisian phone number.</source>
            <translation>«{text}» ليس رقم هاتف تونسيًا صالحًا.</translation>
        </message>
        <message>
            <source>“{text}” is not a valid phone number.</source>
            <translation>«{text}» ليس رقم هاتف صالحًا.</translation>
        </message>
        <message>
            <source>“{text}” is not a short number Tunisia's numbering plan lists; check it is right.</source>
            <translation>«{text}» ليس رقمًا مختصرًا مدرجًا في مخطط الترقيم التونسي؛ تثبّت من صحته.</translation>
        </message>
        <message>
            <source>“{text}” holds several numbers; enter one line at a time.</source>
            <translation>«{text}» يحتوي على عدة أرقام؛ أدخل خطًا واحدًا في كل مرة.</translation>
        </message>
        <message numerus="yes">
            <source>Digits in “{text}”: %n; a Tunisian number has 8 (e.g. 71 563 500).</source>
            <translation>
                <numerusform>«{text}» يتكون من %n رقم؛ الرقم التونسي يتكون من 8 (مثال: 71 563 500).</numerusform>
                <numerusform>«{text}» يتكون من رقم واحد؛ الرقم التونسي يتكون من 8 (مثال: 71 563 500).</numerusform>
                <numerusform>«{text}» يتكون من رقمين؛ الرقم التونسي يتكون من 8 (مثال: 71 563 500).</numerusform>
                <numerusform>«{text}» يتكون من %n أرقام؛ الرقم التونسي يتكون من 8 (مثال: 71 563 500).</numerusform>
                <numerusform>«{text}» يتكون من %n رقمًا؛ الرقم التونسي يتكون من 8 (مثال: 71 563 500).</numerusform>
                <numerusform>«{text}» يتكون من %n رقم؛ الرقم التونسي يتكون من 8 (مثال: 71 563 500).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Digits in “{text}”: %n; a Tunisian number has 8 (e.g. 71 563 500). Only a short number or a call centre may have 3 to 5 digits.</source>
            <translation>
                <numerusform>«{text}» يتكوّن من %n رقم، والرقم التونسي يتكوّن من 8 أرقام (مثال: 71 563 500). وحدهما الرقم المختصر ومركز النداء يمكن أن يتكوّنا من 3 إلى 5 أرقام.</numerusform>
                <numerusform>«{text}» يتكوّن من رقم واحد، والرقم التونسي يتكوّن من 8 أرقام (مثال: 71 563 500). وحدهما الرقم المختصر ومركز النداء يمكن أن يتكوّنا من 3 إلى 5 أرقام.</numerusform>
                <numerusform>«{text}» يتكوّن من رقمين، والرقم التونسي يتكوّن من 8 أرقام (مثال: 71 563 500). وحدهما الرقم المختصر ومركز النداء يمكن أن يتكوّنا من 3 إلى 5 أرقام.</numerusform>
                <numerusform>«{text}» يتكوّن من %n أرقام، والرقم التونسي يتكوّن من 8 أرقام (مثال: 71 563 500). وحدهما الرقم المختصر ومركز النداء يمكن أن يتكوّنا من 3 إلى 5 أرقام.</numerusform>
                <numerusform>«{text}» يتكوّن من %n رقمًا، والرقم التونسي يتكوّن من 8 أرقام (مثال: 71 563 500). وحدهما الرقم المختصر ومركز النداء يمكن أن يتكوّنا من 3 إلى 5 أرقام.</numerusform>
                <numerusform>«{text}» يتكوّن من %n رقم، والرقم التونسي يتكوّن من 8 أرقام (مثال: 71 563 500). وحدهما الرقم المختصر ومركز النداء يمكن أن يتكوّنا من 3 إلى 5 أرقام.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>recognition</name>
        <message>
            <source>Call evaluations</source>
            <translation>تقييم المكالمات</translation>
        </message>
        <message>
            <source>Name the award, e.g. Agent of the quarter.</source>
            <translation>أدخل اسم التكريم، مثال: عون الثلاثية.</translation>
        </message>
        <message>
            <source>Say why the agent is recognised.</source>
            <translation>اذكر سبب تكريم العون.</translation>
        </message>
        <message>
            <source>This agent no longer exists.</source>
            <translation>هذا العون لم يعد موجودا.</translation>
        </message>
        <message>
            <source>This award no longer exists.</source>
            <translation>هذا التكريم لم يعد موجودا.</translation>
        </message>
        <message>
            <source>Training hours</source>
            <translation>ساعات التكوين</translation>
        </message>
        <message>
            <source>Training assessment</source>
            <translation>تقييم التكوين</translation>
        </message>
    </context>
    <context>
        <name>report</name>
        <message>
            <source>“{text}” is not an ISO time such as 2026-10-01T08:00.</source>
            <translation>«{text}» ليس توقيتا بصيغة ISO مثل 2026-10-01T08:00.</translation>
        </message>
        <message>
            <source>Report for {period} written to {path}.</source>
            <translation>تمت كتابة تقرير {period} في {path}.</translation>
        </message>
        <message>
            <source>Command line ({account})</source>
            <translation>سطر الأوامر ({account})</translation>
        </message>
        <message>
            <source>The report must be an .xlsx file, not “{name}”.</source>
            <translation>يجب أن يكون التقرير ملف ‎.xlsx وليس «{name}».</translation>
        </message>
        <message>
            <source>The folder {folder} does not exist.</source>
            <translation>المجلد {folder} غير موجود.</translation>
        </message>
        <message>
            <source>Cannot write in the folder {folder} ({reason}); choose another folder.</source>
            <translation>تعذّرت الكتابة في المجلد {folder} ({reason})؛ يُرجى اختيار مجلد آخر.</translation>
        </message>
        <message>
            <source>Cannot write {path}: the file is open in another program (Excel?) or read-only; close it and try again.</source>
            <translation>تعذرت كتابة {path}: الملف مفتوح في برنامج آخر (Excel؟) أو للقراءة فقط؛ أغلقوه وأعيدوا المحاولة.</translation>
        </message>
        <message>
            <source>Cannot write {path}: {reason}.</source>
            <translation>تعذرت كتابة {path}: {reason}.</translation>
        </message>
        <message>
            <source>The report time must include its time zone.</source>
            <translation>يجب أن يتضمن توقيت التقرير المنطقة الزمنية.</translation>
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
            <source>Acknowledgement of receipt</source>
            <translation>إشعار بالاستلام</translation>
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
            <source>E-mail from the citizen</source>
            <translation>بريد إلكتروني من المواطن</translation>
        </message>
        <message>
            <source>E-mail sent to the citizen</source>
            <translation>بريد إلكتروني أُرسل إلى المواطن</translation>
        </message>
        <message>
            <source>E-mail not sent</source>
            <translation>بريد إلكتروني لم يُرسل</translation>
        </message>
        <message>
            <source>E-mail came back undelivered</source>
            <translation>عاد البريد الإلكتروني دون أن يُسلَّم</translation>
        </message>
        <message>
            <source>Answer not delivered (does not count)</source>
            <translation>جواب لم يُسلَّم (لا يُحتسب)</translation>
        </message>
        <message>
            <source>Notice not delivered (does not count)</source>
            <translation>إعلام لم يُسلَّم (لا يُحتسب)</translation>
        </message>
        <message>
            <source>Many documents to consult</source>
            <translation>الرجوع إلى عدة وثائق</translation>
        </message>
        <message>
            <source>Coordination with other public bodies</source>
            <translation>التنسيق مع هياكل عمومية أخرى</translation>
        </message>
        <message>
            <source>Withdrawn by the citizen</source>
            <translation>سحبه المواطن</translation>
        </message>
        <message>
            <source>Not competent: forwarded to the competent body</source>
            <translation>خارج الاختصاص: أُحيل إلى الهيكل المختص</translation>
        </message>
        <message>
            <source>Assignment withdrawn</source>
            <translation>سحب الإسناد</translation>
        </message>
        <message>
            <source>Assigned to {agent}</source>
            <translation>أسند إلى {agent}</translation>
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
            <source>Notice sent in time</source>
            <translation>تم الإعلام في الآجال</translation>
        </message>
        <message>
            <source>Notice sent late</source>
            <translation>تم الإعلام متأخرا</translation>
        </message>
        <message>
            <source>Name the documents needed or the body to coordinate with.</source>
            <translation>اذكر الوثائق المطلوبة أو الهيكل الذي يجب التنسيق معه.</translation>
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
            <source>This step is dated more than 15 minutes before now: say why it is entered after the fact.</source>
            <translation>تاريخ هذه الخطوة سابق بأكثر من 15 دقيقة: اذكر سبب تسجيلها لاحقا.</translation>
        </message>
        <message>
            <source>This agent no longer exists.</source>
            <translation>هذا العون لم يعد موجودا.</translation>
        </message>
        <message>
            <source>A reception agent works only on requests assigned to them.</source>
            <translation>لا يتولّى عون الاستقبال إلا المطالب المسندة إليه.</translation>
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
            <source>Write the subject of the request.</source>
            <translation>اكتب موضوع المطلب.</translation>
        </message>
        <message>
            <source>kind of response</source>
            <translation>نوع الرد</translation>
        </message>
        <message>
            <source>Say why the answer needs time: many documents to consult, or coordination with other public bodies (C2.1).</source>
            <translation>اذكر سبب حاجة الرد إلى وقت: الرجوع إلى عدة وثائق، أو التنسيق مع هياكل عمومية أخرى (C2.1).</translation>
        </message>
        <message>
            <source>Name the documents to consult or the bodies to coordinate with.</source>
            <translation>اذكر الوثائق التي يجب الاطلاع عليها أو الهياكل التي يجب التنسيق معها.</translation>
        </message>
        <message>
            <source>Give the answer date announced to the sender.</source>
            <translation>حدّد موعد الرد المعلن للمرسل.</translation>
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
            <source>Request {ref} has no contact: say how the sender was told of the notice.</source>
            <translation>المطلب {ref} دون وسيلة اتصال: اذكر كيف أُعلم المرسل.</translation>
        </message>
        <message>
            <source>The announced answer date must come after the notice.</source>
            <translation>يجب أن يكون موعد الرد المعلن بعد تاريخ الإعلام.</translation>
        </message>
        <message>
            <source>reason for closing</source>
            <translation>سبب الغلق</translation>
        </message>
        <message>
            <source>Name the body the request was forwarded to.</source>
            <translation>اذكر الهيكل الذي أُحيل إليه المطلب.</translation>
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
            <source>Request {ref} had a notice but no answer: record the answer, or close it as withdrawn or forwarded.</source>
            <translation>المطلب {ref} تلقى إعلاما دون رد: سجّل الرد، أو أغلقه بصفة مسحوب أو محال.</translation>
        </message>
        <message>
            <source>Forwarded to {body}</source>
            <translation>أُحيل إلى {body}</translation>
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
            <source>“{text}” is not a plausible date (years {first} to {last}).</source>
            <translation>«{text}» ليس تاريخًا معقولًا (من سنة {first} إلى سنة {last}).</translation>
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
            <source>An acknowledgement without its date was ignored.</source>
            <translation>تم تجاهل إشعار بالاستلام دون تاريخ.</translation>
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
            <source>Particular category</source>
            <translation>الفئة الخاصة</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>الأجل</translation>
        </message>
        <message>
            <source>First response at</source>
            <translation>تاريخ أول رد</translation>
        </message>
        <message>
            <source>First response</source>
            <translation>أول رد</translation>
        </message>
        <message>
            <source>Closed at</source>
            <translation>تاريخ الغلق</translation>
        </message>
        <message>
            <source>Assigned to</source>
            <translation>مسند إلى</translation>
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
        <message>
            <source>Answer</source>
            <translation>رد</translation>
        </message>
        <message>
            <source>Notice to the sender</source>
            <translation>إعلام المرسل</translation>
        </message>
    </context>
    <context>
        <name>requests_report</name>
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
            <source>Whole period</source>
            <translation>كامل الفترة</translation>
        </message>
        <message>
            <source>% in time (legal, 48 h)</source>
            <translation>% في الأجل (القانوني، 48 س)</translation>
        </message>
        <message>
            <source>% in time (internal target)</source>
            <translation>% في الأجل (الهدف الداخلي)</translation>
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
            <source>Notices overdue after their announced answer date</source>
            <translation>إعلامات تجاوزت موعد الرد المعلن</translation>
        </message>
        <message>
            <source>Notice</source>
            <translation>الإعلام</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>السبب</translation>
        </message>
        <message>
            <source>Answer announced for</source>
            <translation>موعد الرد المعلن</translation>
        </message>
        <message>
            <source>The sender was told the answer needed documents to consult or coordination with other bodies, and no answer came by the date announced (C2.1).</source>
            <translation>أُعلم المرسل بأن الرد يتطلب الرجوع إلى عدة وثائق أو التنسيق مع هياكل أخرى، ولم يصله رد في الموعد المعلن (C2.1).</translation>
        </message>
        <message>
            <source>Responses entered after the fact</source>
            <translation>ردود سُجّلت لاحقا</translation>
        </message>
        <message>
            <source>Response</source>
            <translation>الرد</translation>
        </message>
        <message>
            <source>Dated</source>
            <translation>بتاريخ</translation>
        </message>
        <message>
            <source>Entered on</source>
            <translation>سُجّلت في</translation>
        </message>
        <message>
            <source>By</source>
            <translation>بواسطة</translation>
        </message>
        <message>
            <source>Reason given</source>
            <translation>السبب المقدم</translation>
        </message>
        <message>
            <source>First responses entered in Istiqbal more than 15 minutes after the time they are dated; rows imported from a register are not listed.</source>
            <translation>ردود أولى سُجّلت في استقبال بعد أكثر من 15 دقيقة من تاريخها؛ الأسطر المستوردة من سجل لا تُذكر.</translation>
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
            <source>Category</source>
            <translation>الفئة</translation>
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
            <source>{ref} — {subject} (answer announced for {when})</source>
            <translation>{ref} — {subject} (الرد معلن في {when})</translation>
        </message>
        <message>
            <source>Requests overdue after notice</source>
            <translation>مطالب متأخرة بعد الإعلام</translation>
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
        <name>sections_lines</name>
        <message>
            <source>Indicators</source>
            <translation>المؤشرات</translation>
        </message>
        <message>
            <source>Indicator</source>
            <translation>المؤشر</translation>
        </message>
        <message>
            <source>This period</source>
            <translation>هذه الفترة</translation>
        </message>
        <message>
            <source>Previous period</source>
            <translation>الفترة السابقة</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>المجموع</translation>
        </message>
        <message>
            <source>Inventory at the end of the period</source>
            <translation>قائمة الخطوط في نهاية الفترة</translation>
        </message>
        <message>
            <source>Kind of line</source>
            <translation>نوع الخط</translation>
        </message>
        <message>
            <source>Lines</source>
            <translation>الخطوط</translation>
        </message>
        <message>
            <source>Checked in the period</source>
            <translation>مراقبة خلال الفترة</translation>
        </message>
        <message>
            <source>Published on the website</source>
            <translation>منشورة على الموقع</translation>
        </message>
        <message>
            <source>Lines checked by kind</source>
            <translation>الخطوط المراقبة حسب النوع</translation>
        </message>
        <message>
            <source>Test calls in the period, by result</source>
            <translation>مكالمات المراقبة خلال الفترة حسب النتيجة</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>النتيجة</translation>
        </message>
        <message>
            <source>Checks</source>
            <translation>المراقبات</translation>
        </message>
        <message>
            <source>Results of the test calls</source>
            <translation>نتائج مكالمات المراقبة</translation>
        </message>
        <message>
            <source>Faults reported or still open in the period</source>
            <translation>الأعطاب المبلغ عنها أو القائمة خلال الفترة</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>الخط</translation>
        </message>
        <message>
            <source>Reported</source>
            <translation>تاريخ الإبلاغ</translation>
        </message>
        <message>
            <source>Symptom</source>
            <translation>العطب الملاحظ</translation>
        </message>
        <message>
            <source>Operator ticket</source>
            <translation>مرجع بلاغ المشغل</translation>
        </message>
        <message>
            <source>Repaired</source>
            <translation>تاريخ الإصلاح</translation>
        </message>
        <message>
            <source>Hours to repair</source>
            <translation>ساعات الإصلاح</translation>
        </message>
        <message>
            <source>A fault without a repair date was still open at the end of the period.</source>
            <translation>العطب الذي ليس له تاريخ إصلاح كان قائمًا في نهاية الفترة.</translation>
        </message>
        <message>
            <source>Lines forwarded to an agent's phone (C2.4)</source>
            <translation>الخطوط المحوّلة إلى هاتف عون (C2.4)</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>العون</translation>
        </message>
        <message>
            <source>Forwarded to</source>
            <translation>محوّل إلى</translation>
        </message>
        <message>
            <source>From</source>
            <translation>من</translation>
        </message>
        <message>
            <source>Until</source>
            <translation>إلى</translation>
        </message>
        <message>
            <source>Phone lines</source>
            <translation>الخطوط الهاتفية</translation>
        </message>
        <message>
            <source>Website</source>
            <translation>الموقع الإلكتروني</translation>
        </message>
        <message>
            <source>Letters to citizens</source>
            <translation>المراسلات الموجهة إلى المواطنين</translation>
        </message>
        <message>
            <source>Posters</source>
            <translation>المعلقات</translation>
        </message>
        <message>
            <source>Forms and administrative documents</source>
            <translation>المطبوعات والوثائق الإدارية</translation>
        </message>
        <message>
            <source>Numbers published, by channel (C8.1)</source>
            <translation>الأرقام المنشورة حسب الوسيلة (C8.1)</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>الوسيلة</translation>
        </message>
        <message>
            <source>Active lines published</source>
            <translation>الخطوط النشيطة المنشورة</translation>
        </message>
        <message>
            <source>Share of active lines (%)</source>
            <translation>النسبة من الخطوط النشيطة (%)</translation>
        </message>
        <message>
            <source>Retired lines still published</source>
            <translation>خطوط محذوفة ما تزال منشورة</translation>
        </message>
        <message>
            <source>Lines whose latest check failed</source>
            <translation>خطوط فشل آخر تثبت منها</translation>
        </message>
        <message>
            <source>Line faults not repaired</source>
            <translation>أعطاب خطوط غير مصلحة</translation>
        </message>
        <message>
            <source>{task} — {line}, due {date}</source>
            <translation>{task} — {line}، موعدها {date}</translation>
        </message>
        <message>
            <source>Line maintenance overdue</source>
            <translation>صيانة خطوط متأخرة</translation>
        </message>
        <message>
            <source>{line} → {agent}, {target}, until {until}</source>
            <translation>{line} ← {agent}، {target}، إلى غاية {until}</translation>
        </message>
        <message>
            <source>Lines forwarded now</source>
            <translation>الخطوط المحوّلة حاليًا</translation>
        </message>
        <message numerus="yes">
            <source>Lines not checked for %n d</source>
            <translation>
                <numerusform>خطوط لم تتم مراقبتها منذ %n يوم</numerusform>
                <numerusform>خطوط لم تتم مراقبتها منذ يوم واحد</numerusform>
                <numerusform>خطوط لم تتم مراقبتها منذ يومين</numerusform>
                <numerusform>خطوط لم تتم مراقبتها منذ %n أيام</numerusform>
                <numerusform>خطوط لم تتم مراقبتها منذ %n يومًا</numerusform>
                <numerusform>خطوط لم تتم مراقبتها منذ %n يوم</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{line} (open for %n d)</source>
            <translation>
                <numerusform>{line} (قائم منذ اليوم)</numerusform>
                <numerusform>{line} (قائم منذ يوم واحد)</numerusform>
                <numerusform>{line} (قائم منذ يومين)</numerusform>
                <numerusform>{line} (قائم منذ %n أيام)</numerusform>
                <numerusform>{line} (قائم منذ %n يومًا)</numerusform>
                <numerusform>{line} (قائم منذ %n يوم)</numerusform>
            </translation>
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
            <source>The answer time cannot exceed 48 hours: circular 2/2020 (C2.1) sets 48 hours as the maximum; a shorter internal target is allowed.</source>
            <translation>لا يمكن أن يتجاوز أجل الرد 48 ساعة: المنشور 2/2020 (C2.1) يحدد 48 ساعة كأجل أقصى؛ ويُسمح بهدف داخلي أقصر.</translation>
        </message>
        <message>
            <source>The pickup time cannot exceed 300 seconds: circular 8/2020 (C8.2) asks to pick up in less than five minutes; a shorter time is allowed.</source>
            <translation>لا يمكن أن تتجاوز مدة الرد على المكالمة 300 ثانية: المنشور 8/2020 (C8.2) يطلب الرد في أقل من خمس دقائق؛ وتُسمح مدة أقصر.</translation>
        </message>
        <message>
            <source>The language is one of ar, fr or en, not “{value}”.</source>
            <translation>اللغة إحدى القيم ar أو fr أو en، وليست «{value}».</translation>
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
            <source>{file} says it is UTF-8 but holds bytes that are not (at byte {at}); save it again as UTF-8 CSV.</source>
            <translation>{file} مُعلَن بترميز UTF-8 لكنّه يحتوي على بايتات غير صالحة (عند البايت {at})؛ احفظه من جديد بصيغة CSV UTF-8.</translation>
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
        <name>training</name>
        <message>
            <source>Training hours per agent and topic</source>
            <translation>ساعات التكوين حسب العون والمحور</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>العون</translation>
        </message>
        <message>
            <source>Staff number</source>
            <translation>المعرف الوحيد</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>المجموع</translation>
        </message>
        <message>
            <source>Previous period</source>
            <translation>الفترة السابقة</translation>
        </message>
        <message>
            <source>Hours of sessions attended in the period (C8.5, C8.6).</source>
            <translation>ساعات الدورات المتابعة خلال الفترة (C8.5، C8.6).</translation>
        </message>
        <message>
            <source>On site</source>
            <translation>حضوري</translation>
        </message>
        <message>
            <source>Remote</source>
            <translation>عن بعد</translation>
        </message>
        <message>
            <source>Sessions held</source>
            <translation>الدورات المنجزة</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>التاريخ</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>العنوان</translation>
        </message>
        <message>
            <source>Topic</source>
            <translation>المحور</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>الساعات</translation>
        </message>
        <message>
            <source>Trainer</source>
            <translation>المكون</translation>
        </message>
        <message>
            <source>Mode</source>
            <translation>الصيغة</translation>
        </message>
        <message>
            <source>Attended</source>
            <translation>حضر</translation>
        </message>
        <message>
            <source>Person-hours per topic</source>
            <translation>ساعات التكوين الفردية حسب المحور</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>الفترة</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>نعم</translation>
        </message>
        <message>
            <source>No</source>
            <translation>لا</translation>
        </message>
        <message>
            <source>Reference guides and procedure manuals</source>
            <translation>الأدلة المرجعية وأدلة الإجراءات</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>النوع</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>النسخة</translation>
        </message>
        <message>
            <source>Reviewed on</source>
            <translation>تاريخ المراجعة</translation>
        </message>
        <message>
            <source>Next review</source>
            <translation>المراجعة القادمة</translation>
        </message>
        <message>
            <source>Out of date</source>
            <translation>متجاوز</translation>
        </message>
        <message>
            <source>Agents who read this version</source>
            <translation>الأعوان المطلعون على هذه النسخة</translation>
        </message>
        <message>
            <source>Active agents</source>
            <translation>الأعوان المباشرون</translation>
        </message>
        <message>
            <source>C8.3: the same right answer whoever answers.</source>
            <translation>C8.3: نفس الإجابة الصحيحة أيا كان المجيب.</translation>
        </message>
        <message>
            <source>Legal and procedural updates</source>
            <translation>المستجدات القانونية والإجرائية</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>المرجع</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>الملخص</translation>
        </message>
        <message>
            <source>Agents informed</source>
            <translation>الأعوان الذين تم إعلامهم</translation>
        </message>
        <message>
            <source>Active agents not yet informed</source>
            <translation>الأعوان المباشرون الذين لم يُعلموا بعد</translation>
        </message>
        <message>
            <source>Training</source>
            <translation>التكوين</translation>
        </message>
        <message>
            <source>Agents trained to serve each particular category (C8.6)</source>
            <translation>الأعوان المكوَّنون في التعامل مع كل فئة خاصة (C8.6)</translation>
        </message>
        <message>
            <source>Particular category</source>
            <translation>الفئة الخاصة</translation>
        </message>
        <message>
            <source>Active agents trained</source>
            <translation>الأعوان المباشرون المكوَّنون</translation>
        </message>
        <message>
            <source>A session on serving all particular categories counts for each of them.</source>
            <translation>تُحتسب الدورة المخصّصة لكل الفئات الخاصة لكل فئة منها.</translation>
        </message>
        <message>
            <source>Awards to outstanding agents (C8.5)</source>
            <translation>حوافز الأعوان المتميزين (C8.5)</translation>
        </message>
        <message>
            <source>Award</source>
            <translation>الحافز</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>السبب</translation>
        </message>
        <message>
            <source>Ranking of the agents (C8.5)</source>
            <translation>ترتيب الأعوان (C8.5)</translation>
        </message>
        <message>
            <source>Rank</source>
            <translation>الرتبة</translation>
        </message>
        <message>
            <source>Composite score</source>
            <translation>العدد الجملي</translation>
        </message>
        <message>
            <source>Training hours</source>
            <translation>ساعات التكوين</translation>
        </message>
        <message>
            <source>Assessment</source>
            <translation>التقييم</translation>
        </message>
        <message>
            <source>Awards</source>
            <translation>الحوافز</translation>
        </message>
        <message>
            <source>The ranking the awards were chosen from: the best {n} of the period.</source>
            <translation>الترتيب الذي اختيرت منه الحوافز: أفضل {n} أعوان خلال الفترة.</translation>
        </message>
        <message>
            <source>{reference}: not yet told to {names}</source>
            <translation>{reference}: لم يُعلم به بعد {names}</translation>
        </message>
        <message>
            <source>Legal updates not yet passed on to every agent</source>
            <translation>مستجدات قانونية لم تُبلّغ بعد إلى كل الأعوان</translation>
        </message>
        <message>
            <source>{agent}: {rule}, due since {date}</source>
            <translation>{agent}: {rule}، مستحق منذ {date}</translation>
        </message>
        <message>
            <source>Agents not trained per the plan</source>
            <translation>أعوان غير مكونين حسب المخطط</translation>
        </message>
        <message>
            <source>{title} (version {version}), review due {date}</source>
            <translation>{title} (النسخة {version})، المراجعة مستحقة في {date}</translation>
        </message>
        <message>
            <source>Guides out of date</source>
            <translation>أدلة متجاوزة</translation>
        </message>
        <message>
            <source>{agent} has not read {title} (version {version})</source>
            <translation>{agent} لم يطلع على {title} (النسخة {version})</translation>
        </message>
        <message>
            <source>Agents who have not read the current guide</source>
            <translation>أعوان لم يطلعوا على الدليل الساري</translation>
        </message>
        <message>
            <source>{post}: {item} — {condition}</source>
            <translation>{post}: {item} — {condition}</translation>
        </message>
        <message>
            <source>Missing or broken equipment</source>
            <translation>تجهيزات مفقودة أو معطبة</translation>
        </message>
        <message>
            <source>Give the session a title.</source>
            <translation>أدخل عنوان الدورة.</translation>
        </message>
        <message>
            <source>A session lasts more than 0 and at most 200 hours.</source>
            <translation>مدة الدورة أكثر من 0 وعلى الأكثر 200 ساعة.</translation>
        </message>
        <message>
            <source>An agent is listed twice among the attendees.</source>
            <translation>عون مذكور مرتين ضمن الحاضرين.</translation>
        </message>
        <message>
            <source>One of the attendees no longer exists.</source>
            <translation>أحد الحاضرين لم يعد موجودا.</translation>
        </message>
        <message>
            <source>{name} was not working on {day} (not started yet or already left), so cannot have attended this session.</source>
            <translation>لم يكن {name} مباشرا يوم {day} (لم يباشر بعد أو غادر)، فلا يمكن أن يكون قد حضر هذه الدورة.</translation>
        </message>
        <message>
            <source>An assessment score is between 0 and 100.</source>
            <translation>عدد التقييم بين 0 و100.</translation>
        </message>
        <message>
            <source>{name} is marked absent, so cannot have an assessment score.</source>
            <translation>{name} مسجَّل غائبًا، فلا يمكن أن يُسند له عدد تقييم.</translation>
        </message>
        <message>
            <source>This training session no longer exists.</source>
            <translation>هذه الدورة التكوينية لم تعد موجودة.</translation>
        </message>
        <message>
            <source>Give the rule a name.</source>
            <translation>أدخل اسم القاعدة.</translation>
        </message>
        <message>
            <source>Repeat every 1 to 120 months, or only once.</source>
            <translation>التكرار كل 1 إلى 120 شهرا، أو مرة واحدة فقط.</translation>
        </message>
        <message>
            <source>The first training is due within 0 to 60 months.</source>
            <translation>أول تكوين مستحق في أجل من 0 إلى 60 شهرا.</translation>
        </message>
        <message>
            <source>This rule no longer exists.</source>
            <translation>هذه القاعدة لم تعد موجودة.</translation>
        </message>
    </context>
    <context>
        <name>user_categories</name>
        <message>
            <source>“{code}” is not a particular category of users.</source>
            <translation>«{code}» ليست فئة من الفئات الخاصة من المتعاملين.</translation>
        </message>
        <message>
            <source>The category “{name}” is no longer in use; choose another one.</source>
            <translation>الفئة «{name}» لم تعد معتمدة؛ اختر فئة أخرى.</translation>
        </message>
        <message>
            <source>Give the category its Arabic and its French name.</source>
            <translation>أدخل اسم الفئة بالعربية وبالفرنسية.</translation>
        </message>
        <message>
            <source>A name has at most 200 characters.</source>
            <translation>لا يتجاوز الاسم 200 حرف.</translation>
        </message>
        <message>
            <source>Another category already has this name.</source>
            <translation>توجد فئة أخرى تحمل هذا الاسم.</translation>
        </message>
        <message>
            <source>Someone else changed the list of categories meanwhile; it was reloaded.</source>
            <translation>غيّر مستعمل آخر قائمة الفئات في الأثناء؛ تمّت إعادة تحميلها.</translation>
        </message>
        <message>
            <source>Keep at least one category in use (C8.6).</source>
            <translation>أبقِ فئة واحدة على الأقل معتمدة (C8.6).</translation>
        </message>
        <message>
            <source>“{name}” is carried by past requests or training sessions: deactivate it instead, so that the reports keep counting them.</source>
            <translation>الفئة «{name}» مسجّلة في مطالب أو دورات تكوين سابقة: أوقف اعتمادها بدل حذفها، حتى تواصل التقارير احتسابها.</translation>
        </message>
    </context>
    <context>
        <name>web</name>
        <message>
            <source>The page answered.</source>
            <translation>أجابت الصفحة.</translation>
        </message>
        <message>
            <source>The address is not a web address (http:// or https://).</source>
            <translation>العنوان ليس عنوان واب (http:// أو https://).</translation>
        </message>
        <message>
            <source>The address redirects too many times (a loop).</source>
            <translation>العنوان يعيد التوجيه مرات عديدة (حلقة).</translation>
        </message>
        <message>
            <source>The site did not answer in time.</source>
            <translation>لم يجب الموقع في الوقت المحدد.</translation>
        </message>
        <message>
            <source>The site's certificate is not valid for this address.</source>
            <translation>شهادة الموقع غير صالحة لهذا العنوان.</translation>
        </message>
        <message>
            <source>The site answered with error {status}.</source>
            <translation>أجاب الموقع بالخطأ {status}.</translation>
        </message>
        <message>
            <source>The site cannot be reached (address unknown or down).</source>
            <translation>تعذّر الوصول إلى الموقع (عنوان مجهول أو متوقف).</translation>
        </message>
        <message>
            <source>The page is larger than the limit; only its start was read.</source>
            <translation>الصفحة أكبر من الحد المسموح؛ لم تُقرأ إلا بدايتها.</translation>
        </message>
        <message>
            <source>The page inflates to more than the limit; it was not read.</source>
            <translation>الصفحة تتضخم عند فك ضغطها إلى ما يفوق الحد؛ لم تُقرأ.</translation>
        </message>
        <message>
            <source>The page answers but says it does not exist.</source>
            <translation>الصفحة تجيب لكنها تفيد بأنها غير موجودة.</translation>
        </message>
        <message>
            <source>The page asks to sign in before showing the service.</source>
            <translation>الصفحة تطلب تسجيل الدخول قبل عرض الخدمة.</translation>
        </message>
    </context>
    <context>
        <name>website</name>
        <message>
            <source>Shown, in the inventory</source>
            <translation>منشور، وموجود بالجرد</translation>
        </message>
        <message>
            <source>On the site, not in the inventory</source>
            <translation>بالموقع، وغير موجود بالجرد</translation>
        </message>
        <message>
            <source>On the site, but the line is retired</source>
            <translation>بالموقع، لكن الخط محذوف</translation>
        </message>
        <message>
            <source>On the site, but the line is faulty</source>
            <translation>بالموقع، لكن الخط معطّل</translation>
        </message>
        <message>
            <source>Marked “on website”, not found on the site</source>
            <translation>مؤشر عليه «منشور بالموقع»، وغير موجود بالموقع</translation>
        </message>
        <message>
            <source>Shown on the site, not marked “on website”</source>
            <translation>منشور بالموقع، وغير مؤشر عليه «منشور بالموقع»</translation>
        </message>
        <message>
            <source>The page could not be read as HTML.</source>
            <translation>تعذّرت قراءة الصفحة بصيغة HTML.</translation>
        </message>
        <message>
            <source>Give the website's address in Settings first.</source>
            <translation>أدخل أولا عنوان الموقع في الإعدادات.</translation>
        </message>
        <message>
            <source>“{url}” is not a web address (http:// or https://).</source>
            <translation>«{url}» ليس عنوان واب (http:// أو https://).</translation>
        </message>
        <message>
            <source>The website {url} cannot be read: {reason}</source>
            <translation>تعذّرت قراءة الموقع {url}: {reason}</translation>
        </message>
        <message>
            <source>This audit or line no longer exists.</source>
            <translation>هذا التدقيق أو هذا الخط لم يعد موجودا.</translation>
        </message>
        <message>
            <source>That audit did not find this line on the site.</source>
            <translation>لم يجد هذا التدقيق هذا الخط بالموقع.</translation>
        </message>
        <message>
            <source>Pages read: {n}.</source>
            <translation>الصفحات المقروءة: {n}.</translation>
        </message>
        <message>
            <source>The published e-mail address is on the front page.</source>
            <translation>عنوان البريد الإلكتروني المنشور موجود بالصفحة الرئيسية.</translation>
        </message>
        <message>
            <source>The published e-mail address is NOT on the front page (C2.1).</source>
            <translation>عنوان البريد الإلكتروني المنشور غير موجود بالصفحة الرئيسية (C2.1).</translation>
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
