<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>PageActions</name>
        <message>
            <source>%1 (%2)</source>
            <extracomment>A button's tooltip (%1) followed by its keyboard shortcut (%2).</extracomment>
            <translation>%1 (%2)</translation>
        </message>
    </context>
    <context>
        <name>engage::app</name>
        <message>
            <source>Export through the saved connection &lt;name&gt;.</source>
            <translation>Export through the saved connection &lt;name&gt;.</translation>
        </message>
        <message>
            <source>name</source>
            <translation>name</translation>
        </message>
        <message>
            <source>Start the demo service on this computer and export from it.</source>
            <translation>Start the demo service on this computer and export from it.</translation>
        </message>
        <message>
            <source>What to export.</source>
            <translation>What to export.</translation>
        </message>
        <message>
            <source>The file to write (.xlsx; .csv for members and logs; .zip for everything).</source>
            <translation>The file to write (.xlsx; .csv for members and logs; .zip for everything).</translation>
        </message>
        <message>
            <source>file</source>
            <translation>file</translation>
        </message>
        <message>
            <source>Start the export session of the connection with the password read from the standard input.</source>
            <translation>Start the export session of the connection with the password read from the standard input.</translation>
        </message>
        <message>
            <source>Which log --what logs exports (access by default).</source>
            <translation>Which log --what logs exports (access by default).</translation>
        </message>
        <message>
            <source>Use this language.</source>
            <translation>Use this language.</translation>
        </message>
        <message>
            <source>The export command.</source>
            <translation>The export command.</translation>
        </message>
        <message>
            <source>Give either --profile NAME or --demo.</source>
            <translation>Give either --profile NAME or --demo.</translation>
        </message>
        <message>
            <source>--what must be members, results, logs or everything.</source>
            <translation>--what must be members, results, logs or everything.</translation>
        </message>
        <message>
            <source>Give the file to write with --out FILE.</source>
            <translation>Give the file to write with --out FILE.</translation>
        </message>
        <message>
            <source>Results are a workbook of several sheets: write them to an .xlsx file.</source>
            <translation>Results are a workbook of several sheets: write them to an .xlsx file.</translation>
        </message>
        <message>
            <source>--log goes with --what logs and is access, operation or error.</source>
            <translation>--log goes with --what logs and is access, operation or error.</translation>
        </message>
        <message>
            <source>The folder of %1 does not exist.</source>
            <translation>The folder of %1 does not exist.</translation>
        </message>
        <message>
            <source>Unknown language “%1”: use ja or en.</source>
            <translation>Unknown language “%1”: use ja or en.</translation>
        </message>
        <message>
            <source>Export members, results or logs to an Excel workbook, or everything to a zip of workbooks, without a window.</source>
            <translation>Export members, results or logs to an Excel workbook, or everything to a zip of workbooks, without a window.</translation>
        </message>
        <message>
            <source>Do not contact the service: export the offline data that the Engage window keeps for the connection.</source>
            <translation>Do not contact the service: export the offline data that the Engage window keeps for the connection.</translation>
        </message>
        <message>
            <source>Everything is a zip of workbooks: write it, and only it, to a .zip file.</source>
            <translation>Everything is a zip of workbooks: write it, and only it, to a .zip file.</translation>
        </message>
        <message>
            <source>--offline exports the offline data of a saved connection: give it with --profile NAME instead of --demo.</source>
            <translation>--offline exports the offline data of a saved connection: give it with --profile NAME instead of --demo.</translation>
        </message>
        <message>
            <source>--offline never contacts the service, so it cannot sign in: leave out --sign-in.</source>
            <translation>--offline never contacts the service, so it cannot sign in: leave out --sign-in.</translation>
        </message>
    </context>
    <context>
        <name>engage::app::ExportCommand</name>
        <message>
            <source>Signing in failed: %1</source>
            <translation>Signing in failed: %1</translation>
        </message>
        <message>
            <source>The password must be changed first: sign in once in the Engage window.</source>
            <translation>The password must be changed first: sign in once in the Engage window.</translation>
        </message>
        <message>
            <source>The demo service announced no company.</source>
            <translation>The demo service announced no company.</translation>
        </message>
        <message>
            <source>There is no saved connection named “%1”.</source>
            <translation>There is no saved connection named “%1”.</translation>
        </message>
        <message>
            <source>Nobody has signed in with the connection “%1” yet: sign in once in the Engage window.</source>
            <translation>Nobody has signed in with the connection “%1” yet: sign in once in the Engage window.</translation>
        </message>
        <message>
            <source>--sign-in reads the password from the standard input, which was empty.</source>
            <translation>--sign-in reads the password from the standard input, which was empty.</translation>
        </message>
        <message>
            <source>The keychain that keeps the key of the offline data could not be read: %1</source>
            <translation>The keychain that keeps the key of the offline data could not be read: %1</translation>
        </message>
        <message>
            <source>The offline data could not be read.</source>
            <translation>The offline data could not be read.</translation>
        </message>
        <message>
            <source>There is no offline data for the connection “%1”: sign in once in the Engage window while the service can be reached.</source>
            <translation>There is no offline data for the connection “%1”: sign in once in the Engage window while the service can be reached.</translation>
        </message>
        <message>
            <source>The offline data of the connection “%1” does not hold this export yet: sign in with the Engage window while the service can be reached, and it keeps this data within a minute.</source>
            <translation>The offline data of the connection “%1” does not hold this export yet: sign in with the Engage window while the service can be reached, and it keeps this data within a minute.</translation>
        </message>
        <message>
            <source>The offline data of the connection “%1” holds no rows of this log: show it on the Logs page of the Engage window while the service can be reached, and the window keeps its most recent rows.</source>
            <translation>The offline data of the connection “%1” holds no rows of this log: show it on the Logs page of the Engage window while the service can be reached, and the window keeps its most recent rows.</translation>
        </message>
    </context>
    <context>
        <name>engage::models::ApiError</name>
        <message>
            <source>The service could not read what this application sent. Try again; if it keeps happening, update the application.</source>
            <translation>The service could not read what this application sent. Try again; if it keeps happening, update the application.</translation>
        </message>
        <message>
            <source>The service does not accept some of the information this application sent. Update the application and try again.</source>
            <translation>The service does not accept some of the information this application sent. Update the application and try again.</translation>
        </message>
        <message>
            <source>Some required information is missing. Fill in every required field and try again.</source>
            <translation>Some required information is missing. Fill in every required field and try again.</translation>
        </message>
        <message>
            <source>Some of the information entered is not valid. Correct it and try again.</source>
            <translation>Some of the information entered is not valid. Correct it and try again.</translation>
        </message>
        <message>
            <source>The service does not accept the format this application sent. Update the application and try again.</source>
            <translation>The service does not accept the format this application sent. Update the application and try again.</translation>
        </message>
        <message>
            <source>What you sent is too large for the service. Send less at a time.</source>
            <translation>What you sent is too large for the service. Send less at a time.</translation>
        </message>
        <message>
            <source>This item does not exist any more. Someone may have deleted it; reload to see the current list.</source>
            <translation>This item does not exist any more. Someone may have deleted it; reload to see the current list.</translation>
        </message>
        <message>
            <source>The service does not allow this action. Update the application and try again.</source>
            <translation>The service does not allow this action. Update the application and try again.</translation>
        </message>
        <message>
            <source>Your sign-in has expired or was ended. Sign in again.</source>
            <translation>Your sign-in has expired or was ended. Sign in again.</translation>
        </message>
        <message>
            <source>You do not have permission to do this. Ask an owner or administrator of your organization.</source>
            <translation>You do not have permission to do this. Ask an owner or administrator of your organization.</translation>
        </message>
        <message>
            <source>This clashes with something that already exists, for example an email address that is already in use.</source>
            <translation>This clashes with something that already exists, for example an email address that is already in use.</translation>
        </message>
        <message>
            <source>Someone else changed this in the meantime. Reload to see their change.</source>
            <translation>Someone else changed this in the meantime. Reload to see their change.</translation>
        </message>
        <message>
            <source>The service needs to know which version you edited. Reload and make your change again.</source>
            <translation>The service needs to know which version you edited. Reload and make your change again.</translation>
        </message>
        <message>
            <source>Too many attempts in a short time. Wait a few minutes and try again.</source>
            <translation>Too many attempts in a short time. Wait a few minutes and try again.</translation>
        </message>
        <message>
            <source>The service ran into a problem of its own. Try again later; if it keeps happening, give the request ID to your service administrator.</source>
            <translation>The service ran into a problem of its own. Try again later; if it keeps happening, give the request ID to your service administrator.</translation>
        </message>
        <message>
            <source>The service is busy or under maintenance. Try again in a few minutes.</source>
            <translation>The service is busy or under maintenance. Try again in a few minutes.</translation>
        </message>
        <message>
            <source>Choose a new password before you continue.</source>
            <translation>Choose a new password before you continue.</translation>
        </message>
        <message>
            <source>This computer has no keychain the application can use, so your sign-in will not be remembered.</source>
            <translation>This computer has no keychain the application can use, so your sign-in will not be remembered.</translation>
        </message>
        <message>
            <source>The keychain refused access, so your sign-in will not be remembered.</source>
            <translation>The keychain refused access, so your sign-in will not be remembered.</translation>
        </message>
        <message>
            <source>Access to the keychain was not allowed, so your sign-in will not be remembered.</source>
            <translation>Access to the keychain was not allowed, so your sign-in will not be remembered.</translation>
        </message>
        <message>
            <source>Your saved sign-in could not be removed from the keychain.</source>
            <translation>Your saved sign-in could not be removed from the keychain.</translation>
        </message>
        <message>
            <source>The keychain on this computer cannot do this, so your sign-in will not be remembered.</source>
            <translation>The keychain on this computer cannot do this, so your sign-in will not be remembered.</translation>
        </message>
        <message>
            <source>No saved sign-in was found in the keychain. Sign in again.</source>
            <translation>No saved sign-in was found in the keychain. Sign in again.</translation>
        </message>
        <message>
            <source>The keychain reported an error, so your sign-in may not be remembered.</source>
            <translation>The keychain reported an error, so your sign-in may not be remembered.</translation>
        </message>
        <message>
            <source>The service sent an answer this application cannot read. Check the service address, or update the application.</source>
            <translation>The service sent an answer this application cannot read. Check the service address, or update the application.</translation>
        </message>
        <message>
            <source>The service reported a problem this application does not know.</source>
            <translation>The service reported a problem this application does not know.</translation>
        </message>
        <message>
            <source>The service cannot be reached. Check your network connection and try again.</source>
            <translation>The service cannot be reached. Check your network connection and try again.</translation>
        </message>
        <message>
            <source>The service did not answer in time. Check your network connection and try again.</source>
            <translation>The service did not answer in time. Check your network connection and try again.</translation>
        </message>
        <message>
            <source>The service's certificate is not trusted, so the application did not connect.</source>
            <translation>The service's certificate is not trusted, so the application did not connect.</translation>
        </message>
        <message>
            <source>The service's certificate has changed since you trusted it. Someone may be intercepting the connection, so the application refuses to connect. Ask your service administrator whether the certificate was replaced.</source>
            <translation>The service's certificate has changed since you trusted it. Someone may be intercepting the connection, so the application refuses to connect. Ask your service administrator whether the certificate was replaced.</translation>
        </message>
        <message>
            <source>A secure connection to the service could not be set up.</source>
            <translation>A secure connection to the service could not be set up.</translation>
        </message>
        <message>
            <source>The action was cancelled.</source>
            <translation>The action was cancelled.</translation>
        </message>
    </context>
    <context>
        <name>engage::models::AttributeBreakdownModel</name>
        <message>
            <source>(none)</source>
            <extracomment>The row of the attribute breakdown for members without a value.</extracomment>
            <translation>(none)</translation>
        </message>
        <message>
            <source>Value</source>
            <extracomment>Column of the attribute breakdown: the attribute's values, one per row.</extracomment>
            <translation>Value</translation>
        </message>
    </context>
    <context>
        <name>engage::models::AttributeListModel</name>
        <message>
            <source>Name</source>
            <extracomment>Column of the attributes table: the name in the language of the user interface.</extracomment>
            <translation>Name</translation>
        </message>
        <message>
            <source>Name in English</source>
            <extracomment>Column of the attributes table: the name in the other language (English in a Japanese user interface, Japanese in an English one).</extracomment>
            <translation>Name in English</translation>
        </message>
        <message>
            <source>Name in Japanese</source>
            <translation>Name in Japanese</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Choices</source>
            <translation>Choices</translation>
        </message>
        <message>
            <source>Choice</source>
            <extracomment>Type of an attribute: one of a list of choices.</extracomment>
            <translation>Choice</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Number</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Text</translation>
        </message>
    </context>
    <context>
        <name>engage::models::DashboardText</name>
        <message>
            <source>%1%</source>
            <extracomment>A response rate, e.g. "82.5%"; %1 is the number in the UI language.</extracomment>
            <translation>%1%</translation>
        </message>
        <message>
            <source>Nobody was invited to this round.</source>
            <translation>Nobody was invited to this round.</translation>
        </message>
        <message>
            <source>Response rate</source>
            <translation>Response rate</translation>
        </message>
        <message>
            <source>Members who answered the round, of those invited.</source>
            <translation>Members who answered the round, of those invited.</translation>
        </message>
        <message>
            <source>Withheld to keep answers anonymous: fewer than %1 respondents (%2).</source>
            <extracomment>A withheld score: %1 is the tenant's anonymity threshold, %2 how many answered.</extracomment>
            <translation>Withheld to keep answers anonymous: fewer than %1 respondents (%2).</translation>
        </message>
        <message>
            <source>Withheld to keep answers anonymous: together with the scores shown beside it, it would reveal a group too small to show.</source>
            <translation>Withheld to keep answers anonymous: together with the scores shown beside it, it would reveal a group too small to show.</translation>
        </message>
        <message>
            <source>No score: nobody answered these questions within the validity period.</source>
            <translation>No score: nobody answered these questions within the validity period.</translation>
        </message>
        <message numerus="yes">
            <source>%1 of %Ln invited member(s) answered.</source>
            <extracomment>%1 respondents of %2 members invited to the round.</extracomment>
            <translation>
                <numerusform>%1 of %Ln invited member answered.</numerusform>
                <numerusform>%1 of %Ln invited members answered.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Rests on %Ln respondent(s).</source>
            <translation>
                <numerusform>Rests on %Ln respondent.</numerusform>
                <numerusform>Rests on %Ln respondents.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>engage::models::DeliveryLogModel</name>
        <message>
            <source>Invitation</source>
            <translation>Invitation</translation>
        </message>
        <message>
            <source>Reminder %1</source>
            <extracomment>The n-th reminder of a round, e.g. "Reminder 2".</extracomment>
            <translation>Reminder %1</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <source>On paper</source>
            <extracomment>A delivery channel: the link handed out on a printed sheet or in a CSV.</extracomment>
            <translation>On paper</translation>
        </message>
        <message>
            <source>Waiting to retry</source>
            <extracomment>A delivery not made yet that failed before and will be tried again.</extracomment>
            <translation>Waiting to retry</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>Waiting</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>Sent</translation>
        </message>
        <message>
            <source>Refused</source>
            <extracomment>The mail server refused the e-mail for good.</extracomment>
            <translation>Refused</translation>
        </message>
        <message>
            <source>Not named</source>
            <extracomment>The recipient of a reminder, which the log does not name.</extracomment>
            <translation>Not named</translation>
        </message>
        <message>
            <source>Removed member</source>
            <translation>Removed member</translation>
        </message>
        <message>
            <source>%1 &lt;%2&gt;</source>
            <extracomment>A recipient: %1 the member's name, %2 their e-mail address.</extracomment>
            <translation>%1 &lt;%2&gt;</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <extracomment>A recipient without e-mail: %1 the member's name, %2 their employee code.</extracomment>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>Due %1, done %2</source>
            <translation>Due %1, done %2</translation>
        </message>
        <message>
            <source>Due %1</source>
            <translation>Due %1</translation>
        </message>
        <message numerus="yes">
            <source>%n attempt(s) so far.</source>
            <translation>
                <numerusform>%n attempt so far.</numerusform>
                <numerusform>%n attempts so far.</numerusform>
            </translation>
        </message>
        <message>
            <source>A reminder goes only to those who have not answered, so the log does not say whom: it would tell who had not answered yet.</source>
            <translation>A reminder goes only to those who have not answered, so the log does not say whom: it would tell who had not answered yet.</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Delivery</source>
            <translation>Delivery</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Channel</translation>
        </message>
        <message>
            <source>Recipient</source>
            <translation>Recipient</translation>
        </message>
        <message>
            <source>Mail server's answer</source>
            <extracomment>Column of the delivery log: what the mail server answered.</extracomment>
            <translation>Mail server's answer</translation>
        </message>
    </context>
    <context>
        <name>engage::models::DemoService</name>
        <message>
            <source>The demo service could not be started: the program %1 was not found. Reinstall Engage, or set ENGAGE_SERVER to its path.</source>
            <translation>The demo service could not be started: the program %1 was not found. Reinstall Engage, or set ENGAGE_SERVER to its path.</translation>
        </message>
        <message>
            <source>The demo service could not be started: the folder %1 cannot be created.</source>
            <translation>The demo service could not be started: the folder %1 cannot be created.</translation>
        </message>
        <message>
            <source>The demo service started, but its first message could not be read. Its log is in %1.</source>
            <translation>The demo service started, but its first message could not be read. Its log is in %1.</translation>
        </message>
        <message>
            <source>The demo service crashed while starting. Its log is in %1.</source>
            <translation>The demo service crashed while starting. Its log is in %1.</translation>
        </message>
        <message>
            <source>The demo service exited with code %1 while starting. Its log is in %2.</source>
            <translation>The demo service exited with code %1 while starting. Its log is in %2.</translation>
        </message>
        <message>
            <source>The demo service could not be started: %1</source>
            <translation>The demo service could not be started: %1</translation>
        </message>
        <message numerus="yes">
            <source>The demo service did not report that it was ready within %n second(s). Its log is in %1.</source>
            <translation>
                <numerusform>The demo service did not report that it was ready within %n second. Its log is in %1.</numerusform>
                <numerusform>The demo service did not report that it was ready within %n seconds. Its log is in %1.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>engage::models::DraftAutosaver</name>
        <message>
            <source>Take the version saved by someone else</source>
            <translation>Take the version saved by someone else</translation>
        </message>
    </context>
    <context>
        <name>engage::models::EverythingExport</name>
        <message>
            <source>Members</source>
            <translation>Members</translation>
        </message>
        <message>
            <source>Results</source>
            <translation>Results</translation>
        </message>
        <message>
            <source>Survey definitions</source>
            <translation>Survey definitions</translation>
        </message>
        <message>
            <source>Access log</source>
            <translation>Access log</translation>
        </message>
        <message>
            <source>Operation log</source>
            <translation>Operation log</translation>
        </message>
        <message>
            <source>Error log</source>
            <translation>Error log</translation>
        </message>
        <message>
            <source>everything</source>
            <comment>the default name of the zip with every workbook</comment>
            <translation>everything</translation>
        </message>
        <message>
            <source>No temporary folder could be made for the workbooks: %1</source>
            <translation>No temporary folder could be made for the workbooks: %1</translation>
        </message>
        <message>
            <source>%1 could not be exported: %2</source>
            <translation>%1 could not be exported: %2</translation>
        </message>
        <message>
            <source>The file %1 could not be written: %2</source>
            <translation>The file %1 could not be written: %2</translation>
        </message>
        <message>
            <source>The logs are not included: the service gives them only to administrators of a company with the security option.</source>
            <translation>The logs are not included: the service gives them only to administrators of a company with the security option.</translation>
        </message>
        <message>
            <source>Not included, as the service could not be reached and no recent rows of them were kept for use offline: %1. The Engage window keeps a log's recent rows once it has been shown on the Logs page.</source>
            <translation>Not included, as the service could not be reached and no recent rows of them were kept for use offline: %1. The Engage window keeps a log's recent rows once it has been shown on the Logs page.</translation>
        </message>
    </context>
    <context>
        <name>engage::models::ExportSource</name>
        <message>
            <source>%1 · %2</source>
            <extracomment>The cover's filters (%1), then what the export says about them (%2).</extracomment>
            <translation>%1 · %2</translation>
        </message>
    </context>
    <context>
        <name>engage::models::ExportTask</name>
        <message>
            <source>There was nothing to export.</source>
            <translation>There was nothing to export.</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
    </context>
    <context>
        <name>engage::models::FactorScoreModel</name>
        <message>
            <source>Change from the previous round.</source>
            <translation>Change from the previous round.</translation>
        </message>
        <message>
            <source>Factor</source>
            <extracomment>Column of the factor table: engagement, the factors, their sub-items and questions.</extracomment>
            <translation>Factor</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>Score</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Change</translation>
        </message>
        <message>
            <source>Benchmark</source>
            <extracomment>Column of the factor table: the tenant's own target or industry figure.</extracomment>
            <translation>Benchmark</translation>
        </message>
        <message>
            <source>Respondents</source>
            <translation>Respondents</translation>
        </message>
    </context>
    <context>
        <name>engage::models::GroupTreeModel</name>
        <message>
            <source>All members (%L1)</source>
            <extracomment>The item above every group in the tree, with the number of members in groups.</extracomment>
            <translation>All members (%L1)</translation>
        </message>
        <message>
            <source>%1 (%L2)</source>
            <extracomment>A group in the tree: its name (%1) and the members of it and its subgroups (%2).</extracomment>
            <translation>%1 (%L2)</translation>
        </message>
        <message>
            <source>%1
Code: %2
Members: %L3 (%L4 directly in this group)</source>
            <extracomment>A group's tooltip: its name, code and member count.</extracomment>
            <translation>%1
Code: %2
Members: %L3 (%L4 directly in this group)</translation>
        </message>
    </context>
    <context>
        <name>engage::models::HeatmapModel</name>
        <message>
            <source>Whole company</source>
            <extracomment>The heatmap's row for the whole tenant, above its groups.</extracomment>
            <translation>Whole company</translation>
        </message>
        <message>
            <source>Group</source>
            <extracomment>Column of the heatmap: the groups of the company, one per row.</extracomment>
            <translation>Group</translation>
        </message>
    </context>
    <context>
        <name>engage::models::ImportPreviewModel</name>
        <message>
            <source>active</source>
            <extracomment>A member's status in an import's changes.</extracomment>
            <translation>active</translation>
        </message>
        <message>
            <source>on leave</source>
            <translation>on leave</translation>
        </message>
        <message>
            <source>left</source>
            <translation>left</translation>
        </message>
        <message>
            <source>yes</source>
            <extracomment>Whether a member receives surveys, in an import's changes.</extracomment>
            <translation>yes</translation>
        </message>
        <message>
            <source>no</source>
            <translation>no</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <extracomment>A field (or a column of the file, %1) and what is said about it (%2).</extracomment>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>a value is required</source>
            <translation>a value is required</translation>
        </message>
        <message>
            <source>the value is not valid</source>
            <translation>the value is not valid</translation>
        </message>
        <message>
            <source>the value is too long</source>
            <translation>the value is too long</translation>
        </message>
        <message>
            <source>not a date (write it as 2024-04-01)</source>
            <translation>not a date (write it as 2024-04-01)</translation>
        </message>
        <message>
            <source>not a number</source>
            <translation>not a number</translation>
        </message>
        <message>
            <source>not one of the attribute's choices</source>
            <translation>not one of the attribute's choices</translation>
        </message>
        <message>
            <source>no such group (choose to create new groups to add it)</source>
            <translation>no such group (choose to create new groups to add it)</translation>
        </message>
        <message>
            <source>no member has this ID</source>
            <translation>no member has this ID</translation>
        </message>
        <message>
            <source>another row of the file has the same value</source>
            <translation>another row of the file has the same value</translation>
        </message>
        <message>
            <source>another member has this e-mail</source>
            <translation>another member has this e-mail</translation>
        </message>
        <message>
            <source>another member has this employee code</source>
            <translation>another member has this employee code</translation>
        </message>
        <message>
            <source>a member needs an e-mail or an employee code</source>
            <translation>a member needs an e-mail or an employee code</translation>
        </message>
        <message>
            <source>matches more than one member</source>
            <translation>matches more than one member</translation>
        </message>
        <message>
            <source>; </source>
            <extracomment>Separates the changes (or errors) of one row of an import on one line.</extracomment>
            <translation>; </translation>
        </message>
        <message>
            <source>Row</source>
            <extracomment>Column of an import's preview: the row number in the file.</extracomment>
            <translation>Row</translation>
        </message>
        <message>
            <source>Result</source>
            <extracomment>Column of an import's preview: new, changed or error.</extracomment>
            <translation>Result</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Employee code</source>
            <translation>Employee code</translation>
        </message>
        <message>
            <source>Changes</source>
            <translation>Changes</translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>Problems</translation>
        </message>
        <message>
            <source>New</source>
            <extracomment>A row of an import that adds a member.</extracomment>
            <translation>New</translation>
        </message>
        <message>
            <source>Changed</source>
            <extracomment>A row of an import that changes a member.</extracomment>
            <translation>Changed</translation>
        </message>
        <message>
            <source>Unchanged</source>
            <translation>Unchanged</translation>
        </message>
        <message>
            <source>Error</source>
            <extracomment>A row of an import that cannot be imported.</extracomment>
            <translation>Error</translation>
        </message>
        <message>
            <source>Deleted attribute</source>
            <extracomment>A column mapped to an attribute that no longer exists.</extracomment>
            <translation>Deleted attribute</translation>
        </message>
        <message>
            <source>Member ID</source>
            <extracomment>A target of an import's column: Engage's own id of a member.</extracomment>
            <translation>Member ID</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <source>Family name</source>
            <translation>Family name</translation>
        </message>
        <message>
            <source>Given name</source>
            <translation>Given name</translation>
        </message>
        <message>
            <source>Full name (family name first)</source>
            <extracomment>A target of an import's column: family and given name in one cell.</extracomment>
            <translation>Full name (family name first)</translation>
        </message>
        <message>
            <source>Group path</source>
            <extracomment>A target of an import's column: groups from the top, such as Head office/Sales/Tokyo.</extracomment>
            <translation>Group path</translation>
        </message>
        <message>
            <source>Group code</source>
            <translation>Group code</translation>
        </message>
        <message>
            <source>Hire date</source>
            <translation>Hire date</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>Date of birth</translation>
        </message>
        <message>
            <source>Employment type</source>
            <translation>Employment type</translation>
        </message>
        <message>
            <source>Grade</source>
            <translation>Grade</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Position</translation>
        </message>
        <message>
            <source>Job category</source>
            <translation>Job category</translation>
        </message>
        <message>
            <source>Status</source>
            <extracomment>A target of an import's column: active, on leave or left.</extracomment>
            <translation>Status</translation>
        </message>
        <message>
            <source>Receives surveys</source>
            <translation>Receives surveys</translation>
        </message>
        <message>
            <source>Memo</source>
            <translation>Memo</translation>
        </message>
        <message>
            <source>%1: %2 → %3</source>
            <extracomment>A field an import changes: the field (%1), its value before (%2) and after (%3).</extracomment>
            <translation>%1: %2 → %3</translation>
        </message>
        <message>
            <source>Language</source>
            <extracomment>A target of an import's column: the language of a member's e-mails and survey page.</extracomment>
            <translation>Language</translation>
        </message>
    </context>
    <context>
        <name>engage::models::LogArchiveModel</name>
        <message>
            <source>%1
SHA-256: %2</source>
            <extracomment>%1 the file's name, %2 its SHA-256 in hex.</extracomment>
            <translation>%1
SHA-256: %2</translation>
        </message>
        <message numerus="yes">
            <source>%1–%2 (%Ln row(s))</source>
            <extracomment>%1 the first row's number, %2 the last's; %n how many rows.</extracomment>
            <translation>
                <numerusform>%1–%2 (%Ln row)</numerusform>
                <numerusform>%1–%2 (%Ln rows)</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 to %2</source>
            <extracomment>%1 the oldest row's date, %2 the newest's.</extracomment>
            <translation>%1 to %2</translation>
        </message>
        <message>
            <source>Log</source>
            <translation>Log</translation>
        </message>
        <message>
            <source>Rows</source>
            <translation>Rows</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>Archived</source>
            <translation>Archived</translation>
        </message>
    </context>
    <context>
        <name>engage::models::LogExportSource</name>
        <message>
            <source>Access log</source>
            <translation>Access log</translation>
        </message>
        <message>
            <source>Operation log</source>
            <translation>Operation log</translation>
        </message>
        <message>
            <source>Error log</source>
            <translation>Error log</translation>
        </message>
        <message>
            <source>From: %1</source>
            <translation>From: %1</translation>
        </message>
        <message>
            <source>Before: %1</source>
            <translation>Before: %1</translation>
        </message>
        <message>
            <source>Person: %1</source>
            <translation>Person: %1</translation>
        </message>
        <message>
            <source>Action: %1</source>
            <translation>Action: %1</translation>
        </message>
        <message>
            <source>Method: %1</source>
            <translation>Method: %1</translation>
        </message>
        <message>
            <source>Target type: %1</source>
            <translation>Target type: %1</translation>
        </message>
        <message>
            <source>Target ID: %1</source>
            <translation>Target ID: %1</translation>
        </message>
        <message>
            <source>Status: %1</source>
            <translation>Status: %1</translation>
        </message>
        <message>
            <source>IP address: %1</source>
            <translation>IP address: %1</translation>
        </message>
        <message>
            <source>Search: %1</source>
            <translation>Search: %1</translation>
        </message>
        <message>
            <source> · </source>
            <extracomment>Separates the filters of a log export on its cover.</extracomment>
            <translation> · </translation>
        </message>
        <message>
            <source>logs</source>
            <translation>logs</translation>
        </message>
        <message numerus="yes">
            <source>Only the %n most recent rows, kept for use offline: the service could not be reached.</source>
            <extracomment>On the cover of a log export made while the service could not be reached.</extracomment>
            <translation>
                <numerusform>Only the most recent row, kept for use offline: the service could not be reached.</numerusform>
                <numerusform>Only the %n most recent rows, kept for use offline: the service could not be reached.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>engage::models::LogExportTable</name>
        <message>
            <source>No.</source>
            <extracomment>Column of a log export: the row's position in the log.</extracomment>
            <translation>No.</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>Changed by</source>
            <translation>Changed by</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>Person</translation>
        </message>
        <message>
            <source>Changed by (ID)</source>
            <translation>Changed by (ID)</translation>
        </message>
        <message>
            <source>Person ID</source>
            <translation>Person ID</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>Method</translation>
        </message>
        <message>
            <source>Path</source>
            <translation>Path</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Duration (ms)</source>
            <extracomment>Column of the access log export: how long the service took to answer.</extracomment>
            <translation>Duration (ms)</translation>
        </message>
        <message>
            <source>IP address</source>
            <translation>IP address</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>Client</translation>
        </message>
        <message>
            <source>Request ID</source>
            <translation>Request ID</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Target type</source>
            <translation>Target type</translation>
        </message>
        <message>
            <source>Target ID</source>
            <translation>Target ID</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Summary</translation>
        </message>
        <message>
            <source>Changes</source>
            <translation>Changes</translation>
        </message>
        <message>
            <source>Route</source>
            <translation>Route</translation>
        </message>
        <message>
            <source>Error code</source>
            <translation>Error code</translation>
        </message>
        <message>
            <source>Failed part</source>
            <translation>Failed part</translation>
        </message>
        <message>
            <source>%1 (changed)</source>
            <extracomment>A changed field in a log export whose values are personal and not shown.</extracomment>
            <translation>%1 (changed)</translation>
        </message>
        <message>
            <source>%1: %2 → %3</source>
            <extracomment>A changed field in a log export: %1 the field, %2 before, %3 after.</extracomment>
            <translation>%1: %2 → %3</translation>
        </message>
    </context>
    <context>
        <name>engage::models::LogIntegrityCheck</name>
        <message>
            <source>Access log</source>
            <translation>Access log</translation>
        </message>
        <message>
            <source>Operation log</source>
            <translation>Operation log</translation>
        </message>
        <message>
            <source>Error log</source>
            <translation>Error log</translation>
        </message>
        <message>
            <source>the row was changed after it was written</source>
            <translation>the row was changed after it was written</translation>
        </message>
        <message>
            <source>a row before it was removed or inserted</source>
            <translation>a row before it was removed or inserted</translation>
        </message>
        <message>
            <source>a row number is missing or repeated</source>
            <translation>a row number is missing or repeated</translation>
        </message>
        <message>
            <source>the newest row does not match the chain's head</source>
            <translation>the newest row does not match the chain's head</translation>
        </message>
        <message>
            <source>rows recorded in the signed checkpoint are gone</source>
            <translation>rows recorded in the signed checkpoint are gone</translation>
        </message>
        <message>
            <source>the signed checkpoint is unreadable or its signature fails</source>
            <translation>the signed checkpoint is unreadable or its signature fails</translation>
        </message>
        <message>
            <source>%1: broken from row %2: %3.</source>
            <extracomment>%1 the log ("Operation log"), %2 the number of the first broken row, %3 what is wrong.</extracomment>
            <translation>%1: broken from row %2: %3.</translation>
        </message>
        <message numerus="yes">
            <source>%1: intact, %Ln row(s) checked.</source>
            <extracomment>%1 the log ("Access log"); %n rows checked.</extracomment>
            <translation>
                <numerusform>%1: intact, %Ln row checked.</numerusform>
                <numerusform>%1: intact, %Ln rows checked.</numerusform>
            </translation>
        </message>
        <message>
            <source>a signed archive file of older rows is missing or has been altered</source>
            <translation>a signed archive file of older rows is missing or has been altered</translation>
        </message>
    </context>
    <context>
        <name>engage::models::LogWindowModel</name>
        <message>
            <source>Time</source>
            <extracomment>Column of the log viewer: when the request came or the change was made.</extracomment>
            <translation>Time</translation>
        </message>
        <message>
            <source>Person</source>
            <extracomment>Column of the log viewer: who made the request or the change.</extracomment>
            <translation>Person</translation>
        </message>
        <message>
            <source>Method</source>
            <extracomment>Column of the access log: the HTTP method (GET, POST, ...).</extracomment>
            <translation>Method</translation>
        </message>
        <message>
            <source>Path</source>
            <extracomment>Column of the access log: the address of what was requested.</extracomment>
            <translation>Path</translation>
        </message>
        <message>
            <source>Status</source>
            <extracomment>Column of the access and error logs: the HTTP status answered (200, 404, ...).</extracomment>
            <translation>Status</translation>
        </message>
        <message>
            <source>Duration</source>
            <extracomment>Column of the access log: how long the service took to answer.</extracomment>
            <translation>Duration</translation>
        </message>
        <message>
            <source>IP address</source>
            <extracomment>Column of the access log: the IP address the request came from.</extracomment>
            <translation>IP address</translation>
        </message>
        <message>
            <source>Client</source>
            <extracomment>Column of the access log: the program that sent the request.</extracomment>
            <translation>Client</translation>
        </message>
        <message>
            <source>Action</source>
            <extracomment>Column of the operation log: what was done (member.update, ...).</extracomment>
            <translation>Action</translation>
        </message>
        <message>
            <source>Target</source>
            <extracomment>Column of the operation log: what the change was made to.</extracomment>
            <translation>Target</translation>
        </message>
        <message>
            <source>Summary</source>
            <extracomment>Column of the operation log: which fields the change touched.</extracomment>
            <translation>Summary</translation>
        </message>
        <message>
            <source>Route</source>
            <extracomment>Column of the error log: the kind of request that failed.</extracomment>
            <translation>Route</translation>
        </message>
        <message>
            <source>Error code</source>
            <extracomment>Column of the error log: the error code answered.</extracomment>
            <translation>Error code</translation>
        </message>
        <message>
            <source>Failed part</source>
            <extracomment>Column of the error log: the part of the service that failed.</extracomment>
            <translation>Failed part</translation>
        </message>
        <message>
            <source>Request ID</source>
            <translation>Request ID</translation>
        </message>
        <message>
            <source>Loading…</source>
            <extracomment>A row of the log viewer still on its way from the service.</extracomment>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>Anonymous</source>
            <extracomment>Who made a request without signing in, in the log viewer.</extracomment>
            <translation>Anonymous</translation>
        </message>
        <message>
            <source>%1 ms</source>
            <extracomment>How long the service took to answer, in milliseconds.</extracomment>
            <translation>%1 ms</translation>
        </message>
        <message>
            <source>The service</source>
            <extracomment>The actor of a change the service made itself (at start-up, a scheduled job).</extracomment>
            <translation>The service</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <extracomment>A line of a log row copied to the clipboard: %1 the field, %2 its value.</extracomment>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Row</source>
            <extracomment>The number of a row in the tenant's log, as copied to the clipboard.</extracomment>
            <translation>Row</translation>
        </message>
        <message>
            <source>%1: (personal, not shown)</source>
            <extracomment>A personal field of a change, copied: %1 the field; the values are not shown.</extracomment>
            <translation>%1: (personal, not shown)</translation>
        </message>
        <message>
            <source>%1: %2 → %3</source>
            <extracomment>A field of a change, copied: %1 the field, %2 before, %3 after.</extracomment>
            <translation>%1: %2 → %3</translation>
        </message>
        <message>
            <source>%2 (%1)</source>
            <extracomment>A change's target in the operation log: %1 its type ("member"), %2 its id.</extracomment>
            <translation>%2 (%1)</translation>
        </message>
    </context>
    <context>
        <name>engage::models::MemberExportSource</name>
        <message>
            <source>Members</source>
            <translation>Members</translation>
        </message>
        <message>
            <source>members</source>
            <translation>members</translation>
        </message>
    </context>
    <context>
        <name>engage::models::MemberTableModel</name>
        <message>
            <source>Name</source>
            <extracomment>Column of the members table: family and given name.</extracomment>
            <translation>Name</translation>
        </message>
        <message>
            <source>Employee code</source>
            <translation>Employee code</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <source>Group</source>
            <extracomment>Column of the members table: the department the member belongs to.</extracomment>
            <translation>Group</translation>
        </message>
        <message>
            <source>Employment type</source>
            <extracomment>Column of the members table: full-time, part-time, contract, ...</extracomment>
            <translation>Employment type</translation>
        </message>
        <message>
            <source>Position</source>
            <extracomment>Column of the members table: the member's job title.</extracomment>
            <translation>Position</translation>
        </message>
        <message>
            <source>Status</source>
            <extracomment>Column of the members table: active, on leave or left.</extracomment>
            <translation>Status</translation>
        </message>
        <message>
            <source>Hire date</source>
            <translation>Hire date</translation>
        </message>
        <message>
            <source>Active</source>
            <extracomment>Status of a member who works and answers surveys.</extracomment>
            <translation>Active</translation>
        </message>
        <message>
            <source>On leave</source>
            <extracomment>Status of a member on parental, sick or other leave.</extracomment>
            <translation>On leave</translation>
        </message>
        <message>
            <source>Left</source>
            <extracomment>Status of a member who has left the company.</extracomment>
            <translation>Left</translation>
        </message>
    </context>
    <context>
        <name>engage::models::ModelExporter</name>
        <message>
            <source>About this export</source>
            <translation>About this export</translation>
        </message>
        <message>
            <source>Tenant</source>
            <translation>Tenant</translation>
        </message>
        <message>
            <source>Filters</source>
            <translation>Filters</translation>
        </message>
        <message>
            <source>None: everything shown</source>
            <translation>None: everything shown</translation>
        </message>
        <message>
            <source>Exported at</source>
            <translation>Exported at</translation>
        </message>
        <message>
            <source>Data as of</source>
            <translation>Data as of</translation>
        </message>
        <message>
            <source>Anonymity threshold (fewest respondents shown)</source>
            <translation>Anonymity threshold (fewest respondents shown)</translation>
        </message>
        <message>
            <source>Texts cut at Excel's limit of 32,767 characters (they end with "…")</source>
            <translation>Texts cut at Excel's limit of 32,767 characters (they end with "…")</translation>
        </message>
        <message>
            <source>The table changed while it was being exported, so the export stopped. Export it again.</source>
            <translation>The table changed while it was being exported, so the export stopped. Export it again.</translation>
        </message>
        <message>
            <source>%1 could not be written: %2</source>
            <translation>%1 could not be written: %2</translation>
        </message>
    </context>
    <context>
        <name>engage::models::PriorityModel</name>
        <message>
            <source>Not placed</source>
            <extracomment>Priority chart: a factor whose score or impact is withheld has no place.</extracomment>
            <translation>Not placed</translation>
        </message>
        <message>
            <source>Act first</source>
            <extracomment>Priority chart: low score, high impact on engagement.</extracomment>
            <translation>Act first</translation>
        </message>
        <message>
            <source>Keep up</source>
            <extracomment>Priority chart: high score, high impact on engagement.</extracomment>
            <translation>Keep up</translation>
        </message>
        <message>
            <source>Watch</source>
            <extracomment>Priority chart: low score, low impact on engagement.</extracomment>
            <translation>Watch</translation>
        </message>
        <message>
            <source>Low priority</source>
            <extracomment>Priority chart: high score, low impact on engagement.</extracomment>
            <translation>Low priority</translation>
        </message>
        <message>
            <source>No impact: it needs at least three respondents with both scores, and answers that differ.</source>
            <translation>No impact: it needs at least three respondents with both scores, and answers that differ.</translation>
        </message>
        <message>
            <source>How closely this factor moves with engagement across respondents (correlation, from −1 to 1).</source>
            <translation>How closely this factor moves with engagement across respondents (correlation, from −1 to 1).</translation>
        </message>
        <message>
            <source>Factor</source>
            <translation>Factor</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>Score</translation>
        </message>
        <message>
            <source>Impact</source>
            <extracomment>Column of the priority table: the factor's correlation with engagement.</extracomment>
            <translation>Impact</translation>
        </message>
    </context>
    <context>
        <name>engage::models::ProfileInput</name>
        <message numerus="yes">
            <source>Enter a name of up to %n characters, on one line.</source>
            <translation>
                <numerusform>Enter a name of up to %n character, on one line.</numerusform>
                <numerusform>Enter a name of up to %n characters, on one line.</numerusform>
            </translation>
        </message>
        <message>
            <source>There is already a profile named %1.</source>
            <translation>There is already a profile named %1.</translation>
        </message>
        <message>
            <source>Enter the service's address, such as https://engage.example.com.</source>
            <translation>Enter the service's address, such as https://engage.example.com.</translation>
        </message>
        <message>
            <source>Only https:// addresses are accepted: the connection must be encrypted.</source>
            <translation>Only https:// addresses are accepted: the connection must be encrypted.</translation>
        </message>
        <message>
            <source>Enter the service's address alone, without a path, user name or query.</source>
            <translation>Enter the service's address alone, without a path, user name or query.</translation>
        </message>
    </context>
    <context>
        <name>engage::models::QuestionListModel</name>
        <message>
            <source>(no text yet)</source>
            <translation>(no text yet)</translation>
        </message>
        <message>
            <source>Optional</source>
            <translation>Optional</translation>
        </message>
        <message>
            <source>A translation is missing.</source>
            <translation>A translation is missing.</translation>
        </message>
        <message numerus="yes">
            <source>Move %n question(s)</source>
            <translation>
                <numerusform>Move %n question</numerusform>
                <numerusform>Move %n questions</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>engage::models::ResultExportSource</name>
        <message>
            <source>%1: %2</source>
            <extracomment>A note beside withheld scores: %1 the factors, %2 why they are withheld.</extracomment>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Summary</translation>
        </message>
        <message>
            <source>Factors</source>
            <translation>Factors</translation>
        </message>
        <message>
            <source>Factor scores</source>
            <translation>Factor scores</translation>
        </message>
        <message>
            <source>Heatmap</source>
            <translation>Heatmap</translation>
        </message>
        <message>
            <source>Trend</source>
            <translation>Trend</translation>
        </message>
        <message>
            <source>Engagement over time</source>
            <translation>Engagement over time</translation>
        </message>
        <message>
            <source>results</source>
            <translation>results</translation>
        </message>
        <message>
            <source>%1 #%2</source>
            <extracomment>A round: %1 the survey's name, %2 the round's number.</extracomment>
            <translation>%1 #%2</translation>
        </message>
        <message>
            <source>Round</source>
            <translation>Round</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Change</translation>
        </message>
        <message>
            <source>Respondents</source>
            <translation>Respondents</translation>
        </message>
        <message>
            <source>Invited</source>
            <translation>Invited</translation>
        </message>
        <message>
            <source>Response rate</source>
            <translation>Response rate</translation>
        </message>
        <message>
            <source>Change in response rate (points)</source>
            <translation>Change in response rate (points)</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Factor</source>
            <translation>Factor</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>Score</translation>
        </message>
        <message>
            <source>Benchmark</source>
            <translation>Benchmark</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>Group</translation>
        </message>
        <message>
            <source>%1 / %2</source>
            <comment>a group's path</comment>
            <translation>%1 / %2</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Closed</translation>
        </message>
        <message>
            <source>Attributes</source>
            <translation>Attributes</translation>
        </message>
        <message>
            <source>Attribute</source>
            <translation>Attribute</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Value</translation>
        </message>
    </context>
    <context>
        <name>engage::models::RoundListModel</name>
        <message>
            <source>%1 · %2 #%3</source>
            <extracomment>A round in the period picker: %1 the day it closed, %2 the survey, %3 the round's number.</extracomment>
            <translation>%1 · %2 #%3</translation>
        </message>
    </context>
    <context>
        <name>engage::models::RoundProgressModel</name>
        <message>
            <source>%1%</source>
            <extracomment>A response rate, e.g. "82.5%"; %1 is the number in the UI language.</extracomment>
            <translation>%1%</translation>
        </message>
        <message>
            <source>Fewer members than the anonymity threshold were asked in this group, so how many answered is not shown: it would tell who did.</source>
            <translation>Fewer members than the anonymity threshold were asked in this group, so how many answered is not shown: it would tell who did.</translation>
        </message>
        <message numerus="yes">
            <source>%1 of %Ln member(s) answered so far.</source>
            <translation>
                <numerusform>%1 of %Ln member answered so far.</numerusform>
                <numerusform>%1 of %Ln members answered so far.</numerusform>
            </translation>
        </message>
        <message>
            <source>Not shown</source>
            <translation>Not shown</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>Group</translation>
        </message>
        <message>
            <source>Asked</source>
            <extracomment>Column of a round's progress: the members the round was sent to.</extracomment>
            <translation>Asked</translation>
        </message>
        <message>
            <source>Answered</source>
            <translation>Answered</translation>
        </message>
        <message>
            <source>Response rate</source>
            <translation>Response rate</translation>
        </message>
        <message>
            <source>Outside any group</source>
            <translation>Outside any group</translation>
        </message>
        <message>
            <source>Sent %1 · Refused %2 · On paper %3 · Waiting %4</source>
            <extracomment>The delivery log's totals of a round: %1 e-mails sent, %2 refused by the mail server, %3 handed out on paper, %4 still to go.</extracomment>
            <translation>Sent %1 · Refused %2 · On paper %3 · Waiting %4</translation>
        </message>
    </context>
    <context>
        <name>engage::models::SurveyDocument</name>
        <message>
            <source>Edit the Japanese name</source>
            <translation>Edit the Japanese name</translation>
        </message>
        <message>
            <source>Edit the English name</source>
            <translation>Edit the English name</translation>
        </message>
        <message>
            <source>Change the comment threshold</source>
            <translation>Change the comment threshold</translation>
        </message>
        <message>
            <source>Change the start</source>
            <translation>Change the start</translation>
        </message>
        <message>
            <source>Change the time zone</source>
            <translation>Change the time zone</translation>
        </message>
        <message>
            <source>Change the response period</source>
            <translation>Change the response period</translation>
        </message>
        <message>
            <source>Change how often it goes out</source>
            <translation>Change how often it goes out</translation>
        </message>
        <message>
            <source>Change the reminders</source>
            <translation>Change the reminders</translation>
        </message>
        <message>
            <source>Change the targets</source>
            <translation>Change the targets</translation>
        </message>
        <message>
            <source>Add a question</source>
            <translation>Add a question</translation>
        </message>
        <message>
            <source>Remove a question</source>
            <translation>Remove a question</translation>
        </message>
        <message>
            <source>Move a question</source>
            <translation>Move a question</translation>
        </message>
        <message>
            <source>Edit a question's Japanese text</source>
            <translation>Edit a question's Japanese text</translation>
        </message>
        <message>
            <source>Edit a question's English text</source>
            <translation>Edit a question's English text</translation>
        </message>
        <message>
            <source>Change a question's type</source>
            <translation>Change a question's type</translation>
        </message>
        <message>
            <source>Make a question required</source>
            <translation>Make a question required</translation>
        </message>
        <message>
            <source>Make a question optional</source>
            <translation>Make a question optional</translation>
        </message>
        <message>
            <source>Add a choice</source>
            <translation>Add a choice</translation>
        </message>
        <message>
            <source>Remove a choice</source>
            <translation>Remove a choice</translation>
        </message>
        <message>
            <source>Move a choice</source>
            <translation>Move a choice</translation>
        </message>
        <message>
            <source>Edit a choice</source>
            <translation>Edit a choice</translation>
        </message>
    </context>
    <context>
        <name>engage::models::SurveyExportSource</name>
        <message>
            <source>Surveys</source>
            <translation>Surveys</translation>
        </message>
        <message>
            <source>Questions</source>
            <translation>Questions</translation>
        </message>
        <message>
            <source>surveys</source>
            <translation>surveys</translation>
        </message>
        <message>
            <source>ID</source>
            <translation>ID</translation>
        </message>
        <message>
            <source>Name (Japanese)</source>
            <translation>Name (Japanese)</translation>
        </message>
        <message>
            <source>Name (English)</source>
            <translation>Name (English)</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Start date</source>
            <translation>Start date</translation>
        </message>
        <message>
            <source>Start time</source>
            <extracomment>Column of the surveys export: the time of day a round opens.</extracomment>
            <translation>Start time</translation>
        </message>
        <message>
            <source>Time zone</source>
            <extracomment>Column of the surveys export: the IANA time zone of the delivery times.</extracomment>
            <translation>Time zone</translation>
        </message>
        <message>
            <source>Response period (days)</source>
            <translation>Response period (days)</translation>
        </message>
        <message>
            <source>Repeats</source>
            <extracomment>Column of the surveys export: how often a round goes out ("Every 4 weeks", "Once").</extracomment>
            <translation>Repeats</translation>
        </message>
        <message>
            <source>Reminders (days before the end)</source>
            <extracomment>Column of the surveys export: each reminder's day, counted back from the last day.</extracomment>
            <translation>Reminders (days before the end)</translation>
        </message>
        <message>
            <source>Reminder time</source>
            <translation>Reminder time</translation>
        </message>
        <message>
            <source>Comment threshold</source>
            <extracomment>Column of the surveys export: free-text answers are listed from this many respondents.</extracomment>
            <translation>Comment threshold</translation>
        </message>
        <message>
            <source>Revision</source>
            <translation>Revision</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Created</translation>
        </message>
        <message>
            <source>Updated</source>
            <translation>Updated</translation>
        </message>
        <message>
            <source>Next delivery</source>
            <translation>Next delivery</translation>
        </message>
        <message>
            <source>Survey ID</source>
            <translation>Survey ID</translation>
        </message>
        <message>
            <source>Survey</source>
            <translation>Survey</translation>
        </message>
        <message>
            <source>Position</source>
            <extracomment>Column of the questions export: the question's place in its survey, from 1.</extracomment>
            <translation>Position</translation>
        </message>
        <message>
            <source>Question ID</source>
            <translation>Question ID</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Text (Japanese)</source>
            <translation>Text (Japanese)</translation>
        </message>
        <message>
            <source>Text (English)</source>
            <translation>Text (English)</translation>
        </message>
        <message>
            <source>Required</source>
            <translation>Required</translation>
        </message>
        <message>
            <source>Options or scale (Japanese)</source>
            <extracomment>Column of the questions export: a choice question's options or a scale's points.</extracomment>
            <translation>Options or scale (Japanese)</translation>
        </message>
        <message>
            <source>Options or scale (English)</source>
            <translation>Options or scale (English)</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>No</source>
            <translation>No</translation>
        </message>
    </context>
    <context>
        <name>engage::models::SurveyListModel</name>
        <message numerus="yes">
            <source>%1 of %Ln member(s) answered so far.</source>
            <translation>
                <numerusform>%1 of %Ln member answered so far.</numerusform>
                <numerusform>%1 of %Ln members answered so far.</numerusform>
            </translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Response rate</source>
            <extracomment>Column of the surveys table: the share of members who answered the open round.</extracomment>
            <translation>Response rate</translation>
        </message>
        <message>
            <source>Next delivery</source>
            <extracomment>Column of the surveys table: when the next round opens.</extracomment>
            <translation>Next delivery</translation>
        </message>
        <message>
            <source>%1%</source>
            <extracomment>A response rate, e.g. "82.5%"; %1 is the number in the UI language.</extracomment>
            <translation>%1%</translation>
        </message>
    </context>
    <context>
        <name>engage::models::SurveyResultsModel</name>
        <message>
            <source>%1%</source>
            <extracomment>A share of a question's respondents, e.g. "25.0%"; %1 is the number in the UI language.</extracomment>
            <translation>%1%</translation>
        </message>
        <message>
            <source>Mean %1</source>
            <extracomment>The mean of a scale question's answers; %1 is the number, two decimals.</extracomment>
            <translation>Mean %1</translation>
        </message>
        <message numerus="yes">
            <source>%Ln respondent(s) answered this question.</source>
            <extracomment>How many in the slice answered a question.</extracomment>
            <translation>
                <numerusform>%Ln respondent answered this question.</numerusform>
                <numerusform>%Ln respondents answered this question.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 of %Ln respondent(s) gave this answer.</source>
            <extracomment>%1 answers of %2 respondents to the question.</extracomment>
            <translation>
                <numerusform>%1 of %Ln respondent gave this answer.</numerusform>
                <numerusform>%1 of %Ln respondents gave this answer.</numerusform>
            </translation>
        </message>
        <message>
            <source>Question</source>
            <extracomment>Column of the survey results: the question, or below it an answer.</extracomment>
            <translation>Question</translation>
        </message>
        <message>
            <source>Respondents</source>
            <extracomment>Column of the survey results: how many respondents.</extracomment>
            <translation>Respondents</translation>
        </message>
        <message>
            <source>Share</source>
            <extracomment>Column of the survey results: an answer's share of the question's respondents.</extracomment>
            <translation>Share</translation>
        </message>
        <message>
            <source>Note</source>
            <extracomment>Column of the survey results: the mean of a scale, or why results are withheld.</extracomment>
            <translation>Note</translation>
        </message>
        <message>
            <source>%1 (lowest)</source>
            <extracomment>The lowest point of the 0-10 scale; %1 is the number.</extracomment>
            <translation>%1 (lowest)</translation>
        </message>
        <message>
            <source>%1 (highest)</source>
            <extracomment>The highest point of the 0-10 scale; %1 is the number.</extracomment>
            <translation>%1 (highest)</translation>
        </message>
        <message>
            <source>%1 (strongly disagree)</source>
            <extracomment>The lowest point of an agreement scale; %1 is the number.</extracomment>
            <translation>%1 (strongly disagree)</translation>
        </message>
        <message>
            <source>%1 (strongly agree)</source>
            <extracomment>The highest point of an agreement scale; %1 is the number.</extracomment>
            <translation>%1 (strongly agree)</translation>
        </message>
        <message numerus="yes">
            <source>Comments are listed only for groups of at least %n respondent(s), to keep them anonymous.</source>
            <translation>
                <numerusform>Comments are listed only for groups of at least %n respondent, to keep them anonymous.</numerusform>
                <numerusform>Comments are listed only for groups of at least %n respondents, to keep them anonymous.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Withheld to keep answers anonymous: fewer than %n respondent(s).</source>
            <translation>
                <numerusform>Withheld to keep answers anonymous: fewer than %n respondent.</numerusform>
                <numerusform>Withheld to keep answers anonymous: fewer than %n respondents.</numerusform>
            </translation>
        </message>
        <message>
            <source>Withheld to keep answers anonymous: together with the results shown for other groups, it would reveal a group too small to show.</source>
            <translation>Withheld to keep answers anonymous: together with the results shown for other groups, it would reveal a group too small to show.</translation>
        </message>
        <message>
            <source>No comments.</source>
            <translation>No comments.</translation>
        </message>
        <message>
            <source>Nobody answered this question.</source>
            <translation>Nobody answered this question.</translation>
        </message>
        <message>
            <source>%1 Results of fewer than %2 respondents are withheld; comments are listed for groups of at least %3 respondents.</source>
            <extracomment>%1 says who answered; the rest how the results stay anonymous.</extracomment>
            <translation>%1 Results of fewer than %2 respondents are withheld; comments are listed for groups of at least %3 respondents.</translation>
        </message>
        <message>
            <source>%1 Fewer than %2 respondents: nothing is shown for this group, to keep answers anonymous.</source>
            <translation>%1 Fewer than %2 respondents: nothing is shown for this group, to keep answers anonymous.</translation>
        </message>
        <message>
            <source>%1 Nothing is shown for this group: together with the results of the groups around it, it would reveal a group too small to show.</source>
            <translation>%1 Nothing is shown for this group: together with the results of the groups around it, it would reveal a group too small to show.</translation>
        </message>
        <message>
            <source>Nobody in this group has answered yet.</source>
            <translation>Nobody in this group has answered yet.</translation>
        </message>
    </context>
    <context>
        <name>engage::models::SurveyText</name>
        <message>
            <source>Untitled survey</source>
            <translation>Untitled survey</translation>
        </message>
        <message>
            <source>Engagement pulse</source>
            <extracomment>The kind of survey that asks the engagement question bank on a cadence.</extracomment>
            <translation>Engagement pulse</translation>
        </message>
        <message>
            <source>Custom survey</source>
            <extracomment>The kind of survey with questions the company writes itself.</extracomment>
            <translation>Custom survey</translation>
        </message>
        <message>
            <source>Draft</source>
            <extracomment>A survey still being written, not published.</extracomment>
            <translation>Draft</translation>
        </message>
        <message>
            <source>Scheduled</source>
            <extracomment>A published survey waiting for its next round.</extracomment>
            <translation>Scheduled</translation>
        </message>
        <message>
            <source>Open</source>
            <extracomment>A survey whose round is running: members can answer.</extracomment>
            <translation>Open</translation>
        </message>
        <message>
            <source>Closed</source>
            <extracomment>A survey whose last round has ended.</extracomment>
            <translation>Closed</translation>
        </message>
        <message>
            <source>Agreement, 5 points</source>
            <translation>Agreement, 5 points</translation>
        </message>
        <message>
            <source>Agreement, 7 points</source>
            <translation>Agreement, 7 points</translation>
        </message>
        <message>
            <source>Scale from 0 to 10</source>
            <translation>Scale from 0 to 10</translation>
        </message>
        <message>
            <source>One choice</source>
            <translation>One choice</translation>
        </message>
        <message>
            <source>Several choices</source>
            <translation>Several choices</translation>
        </message>
        <message>
            <source>Free text</source>
            <translation>Free text</translation>
        </message>
        <message>
            <source>Japanese</source>
            <translation>Japanese</translation>
        </message>
        <message>
            <source>English</source>
            <translation>English</translation>
        </message>
        <message>
            <source>Age band</source>
            <translation>Age band</translation>
        </message>
        <message>
            <source>Length of service</source>
            <translation>Length of service</translation>
        </message>
        <message>
            <source>Employment type</source>
            <translation>Employment type</translation>
        </message>
        <message>
            <source>Grade</source>
            <translation>Grade</translation>
        </message>
        <message>
            <source>Job category</source>
            <translation>Job category</translation>
        </message>
        <message>
            <source>Once</source>
            <extracomment>A custom survey delivered one time only.</extracomment>
            <translation>Once</translation>
        </message>
        <message numerus="yes">
            <source>Every %n week(s)</source>
            <translation>
                <numerusform>Every %n week</numerusform>
                <numerusform>Every %n weeks</numerusform>
            </translation>
        </message>
        <message>
            <source>Give the survey a name.</source>
            <translation>Give the survey a name.</translation>
        </message>
        <message>
            <source>The survey's name has no Japanese version.</source>
            <translation>The survey's name has no Japanese version.</translation>
        </message>
        <message>
            <source>The survey's name has no English version.</source>
            <translation>The survey's name has no English version.</translation>
        </message>
        <message numerus="yes">
            <source>A survey's name can have at most %n characters, on one line.</source>
            <translation>
                <numerusform>A survey's name can have at most %n character, on one line.</numerusform>
                <numerusform>A survey's name can have at most %n characters, on one line.</numerusform>
            </translation>
        </message>
        <message>
            <source>Add at least one question.</source>
            <translation>Add at least one question.</translation>
        </message>
        <message numerus="yes">
            <source>A survey can have at most %n questions.</source>
            <translation>
                <numerusform>A survey can have at most %n question.</numerusform>
                <numerusform>A survey can have at most %n questions.</numerusform>
            </translation>
        </message>
        <message>
            <source>Question %1 has no Japanese text.</source>
            <translation>Question %1 has no Japanese text.</translation>
        </message>
        <message>
            <source>Question %1 has no English text.</source>
            <translation>Question %1 has no English text.</translation>
        </message>
        <message numerus="yes">
            <source>The text of question %1 can have at most %n characters.</source>
            <translation>
                <numerusform>The text of question %1 can have at most %n character.</numerusform>
                <numerusform>The text of question %1 can have at most %n characters.</numerusform>
            </translation>
        </message>
        <message>
            <source>Choice %1 of question %2 has no Japanese text.</source>
            <translation>Choice %1 of question %2 has no Japanese text.</translation>
        </message>
        <message>
            <source>Choice %1 of question %2 has no English text.</source>
            <translation>Choice %1 of question %2 has no English text.</translation>
        </message>
        <message numerus="yes">
            <source>Choice %1 of question %2 can have at most %n characters, on one line, and no two choices may read the same.</source>
            <translation>
                <numerusform>Choice %1 of question %2 can have at most %n character, on one line, and no two choices may read the same.</numerusform>
                <numerusform>Choice %1 of question %2 can have at most %n characters, on one line, and no two choices may read the same.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Question %1 needs between 2 and %n choices.</source>
            <translation>
                <numerusform>Question %1 needs between 2 and %n choice.</numerusform>
                <numerusform>Question %1 needs between 2 and %n choices.</numerusform>
            </translation>
        </message>
        <message>
            <source>Question %1 is not valid.</source>
            <translation>Question %1 is not valid.</translation>
        </message>
        <message>
            <source>Choose the day of the first delivery.</source>
            <translation>Choose the day of the first delivery.</translation>
        </message>
        <message>
            <source>The first delivery cannot be on that day.</source>
            <translation>The first delivery cannot be on that day.</translation>
        </message>
        <message>
            <source>Choose a time of day.</source>
            <translation>Choose a time of day.</translation>
        </message>
        <message>
            <source>Choose a time zone from the list.</source>
            <translation>Choose a time zone from the list.</translation>
        </message>
        <message numerus="yes">
            <source>The response period must last 1 to %n days and end before the next round opens.</source>
            <translation>
                <numerusform>The response period must last 1 to %n day and end before the next round opens.</numerusform>
                <numerusform>The response period must last 1 to %n days and end before the next round opens.</numerusform>
            </translation>
        </message>
        <message>
            <source>A pulse goes out every week, every 2 weeks or every 4 weeks.</source>
            <translation>A pulse goes out every week, every 2 weeks or every 4 weeks.</translation>
        </message>
        <message>
            <source>A recurring survey repeats every 1 to 52 weeks.</source>
            <translation>A recurring survey repeats every 1 to 52 weeks.</translation>
        </message>
        <message numerus="yes">
            <source>At most %n reminders, each on a different day within the response period.</source>
            <translation>
                <numerusform>At most %n reminder, each on a different day within the response period.</numerusform>
                <numerusform>At most %n reminders, each on a different day within the response period.</numerusform>
            </translation>
        </message>
        <message>
            <source>A target group or attribute is not valid. Choose the targets again.</source>
            <translation>A target group or attribute is not valid. Choose the targets again.</translation>
        </message>
        <message>
            <source>Comments can be listed from %1 to %2 respondents.</source>
            <translation>Comments can be listed from %1 to %2 respondents.</translation>
        </message>
    </context>
    <context>
        <name>engage::models::TrendModel</name>
        <message>
            <source>Round closed on %1</source>
            <extracomment>The date a round of the trend closed, in full.</extracomment>
            <translation>Round closed on %1</translation>
        </message>
        <message>
            <source>Closed</source>
            <extracomment>Column of the trend table: the day each round closed.</extracomment>
            <translation>Closed</translation>
        </message>
    </context>
    <context>
        <name>engage::models::UserTableModel</name>
        <message>
            <source>Name</source>
            <extracomment>Column of the people table: the person's display name.</extracomment>
            <translation>Name</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>Status</source>
            <extracomment>Column of the people table: active or deactivated.</extracomment>
            <translation>Status</translation>
        </message>
        <message>
            <source>Last sign-in</source>
            <translation>Last sign-in</translation>
        </message>
        <message>
            <source>Owner</source>
            <extracomment>Role of a person: may do everything, including managing other owners.</extracomment>
            <translation>Owner</translation>
        </message>
        <message>
            <source>Administrator</source>
            <extracomment>Role of a person: manages the company's settings and people.</extracomment>
            <translation>Administrator</translation>
        </message>
        <message>
            <source>Manager</source>
            <extracomment>Role of a person: sees the results of their own groups.</extracomment>
            <translation>Manager</translation>
        </message>
        <message>
            <source>Viewer</source>
            <extracomment>Role of a person: reads results, changes nothing.</extracomment>
            <translation>Viewer</translation>
        </message>
        <message>
            <source>Active</source>
            <extracomment>Status of a person who may sign in.</extracomment>
            <translation>Active</translation>
        </message>
        <message>
            <source>Deactivated</source>
            <extracomment>Status of a person who may no longer sign in.</extracomment>
            <translation>Deactivated</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::ApplicationController</name>
        <message>
            <source>There is no connection named “%1”.</source>
            <translation>There is no connection named “%1”.</translation>
        </message>
        <message>
            <source>Choose a saved connection or add a new one.</source>
            <translation>Choose a saved connection or add a new one.</translation>
        </message>
        <message>
            <source>The demo service could not be started.</source>
            <translation>The demo service could not be started.</translation>
        </message>
        <message>
            <source>The demo service has stopped. Quit Engage and start it again to go on with the demo.</source>
            <translation>The demo service has stopped. Quit Engage and start it again to go on with the demo.</translation>
        </message>
        <message>
            <source>Starting the demo service…</source>
            <translation>Starting the demo service…</translation>
        </message>
        <message>
            <source>It announced no demo company.</source>
            <translation>It announced no demo company.</translation>
        </message>
        <message>
            <source>Connecting to %1…</source>
            <translation>Connecting to %1…</translation>
        </message>
        <message>
            <source>Your password has been changed.</source>
            <translation>Your password has been changed.</translation>
        </message>
        <message>
            <source>Engage</source>
            <translation>Engage</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>Your session has ended. Please sign in again.</source>
            <translation>Your session has ended. Please sign in again.</translation>
        </message>
        <message>
            <source>%1 Engage will ask for your password the next time it starts.</source>
            <translation>%1 Engage will ask for your password the next time it starts.</translation>
        </message>
        <message>
            <source>Engage cannot reach the service of %1, and this computer holds no offline data of yours to show until it can. Sign in once the service is reachable again.</source>
            <translation>Engage cannot reach the service of %1, and this computer holds no offline data of yours to show until it can. Sign in once the service is reachable again.</translation>
        </message>
        <message>
            <source>The service can be reached again. Reload a page to see its latest data.</source>
            <translation>The service can be reached again. Reload a page to see its latest data.</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::AttributeDialog</name>
        <message>
            <source>Each member has one of the choices below, such as a location or a union. Dashboards can compare the choices.</source>
            <translation>Each member has one of the choices below, such as a location or a union. Dashboards can compare the choices.</translation>
        </message>
        <message>
            <source>A number such as 3 or -1.5, for example years of experience.</source>
            <translation>A number such as 3 or -1.5, for example years of experience.</translation>
        </message>
        <message>
            <source>A date, for example the date of a transfer.</source>
            <translation>A date, for example the date of a transfer.</translation>
        </message>
        <message numerus="yes">
            <source>Any text on one line, up to %n characters.</source>
            <translation>
                <numerusform>Any text on one line, up to %n character.</numerusform>
                <numerusform>Any text on one line, up to %n characters.</numerusform>
            </translation>
        </message>
        <message>
            <source>Edit Attribute</source>
            <translation>Edit Attribute</translation>
        </message>
        <message>
            <source>New Attribute</source>
            <translation>New Attribute</translation>
        </message>
        <message>
            <source>Attributes describe members beyond their group, such as a location or a union. Surveys can target them and dashboards compare them. Give the name in both languages: each person reads it in their own.</source>
            <translation>Attributes describe members beyond their group, such as a location or a union. Surveys can target them and dashboards compare them. Give the name in both languages: each person reads it in their own.</translation>
        </message>
        <message>
            <source>Name in &amp;Japanese:</source>
            <translation>Name in &amp;Japanese:</translation>
        </message>
        <message>
            <source>勤務地</source>
            <extracomment>An example of an attribute's Japanese name: keep it in Japanese.</extracomment>
            <translation>勤務地</translation>
        </message>
        <message>
            <source>Name in &amp;English:</source>
            <translation>Name in &amp;English:</translation>
        </message>
        <message>
            <source>Work location</source>
            <extracomment>An example of an attribute's English name: keep it in English.</extracomment>
            <translation>Work location</translation>
        </message>
        <message>
            <source>&amp;Type:</source>
            <translation>&amp;Type:</translation>
        </message>
        <message>
            <source>C&amp;hoices:</source>
            <translation>C&amp;hoices:</translation>
        </message>
        <message>
            <source>Type a choice and press Enter</source>
            <translation>Type a choice and press Enter</translation>
        </message>
        <message>
            <source>&amp;Add</source>
            <translation>&amp;Add</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>&amp;Remove</translation>
        </message>
        <message>
            <source>Remove the selected choice (Delete)</source>
            <translation>Remove the selected choice (Delete)</translation>
        </message>
        <message>
            <source>Move &amp;Up</source>
            <translation>Move &amp;Up</translation>
        </message>
        <message>
            <source>Move the selected choice up (Alt+Up)</source>
            <translation>Move the selected choice up (Alt+Up)</translation>
        </message>
        <message>
            <source>Move Do&amp;wn</source>
            <translation>Move Do&amp;wn</translation>
        </message>
        <message>
            <source>Move the selected choice down (Alt+Down)</source>
            <translation>Move the selected choice down (Alt+Down)</translation>
        </message>
        <message>
            <source>Choices</source>
            <translation>Choices</translation>
        </message>
        <message>
            <source>Double-click a choice, or press F2, to rename it.</source>
            <translation>Double-click a choice, or press F2, to rename it.</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>Saving…</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>&amp;Add Attribute</source>
            <translation>&amp;Add Attribute</translation>
        </message>
        <message numerus="yes">
            <source>Enter a name of up to %n characters, on one line.</source>
            <translation>
                <numerusform>Enter a name of up to %n character, on one line.</numerusform>
                <numerusform>Enter a name of up to %n characters, on one line.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Choice %1 must have 1 to %n characters, on one line.</source>
            <translation>
                <numerusform>Choice %1 must have 1 to %n character, on one line.</numerusform>
                <numerusform>Choice %1 must have 1 to %n characters, on one line.</numerusform>
            </translation>
        </message>
        <message>
            <source>“%1” is in the list twice.</source>
            <translation>“%1” is in the list twice.</translation>
        </message>
        <message numerus="yes">
            <source>An attribute can have at most %n choices.</source>
            <translation>
                <numerusform>An attribute can have at most %n choice.</numerusform>
                <numerusform>An attribute can have at most %n choices.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>engage::ui::AttributesPage</name>
        <message>
            <source>Attributes</source>
            <translation>Attributes</translation>
        </message>
        <message>
            <source>Attributes describe members beyond their group, such as a location, a union or a shift. Define them here; each member's values are set on the Members page or by an import.</source>
            <translation>Attributes describe members beyond their group, such as a location, a union or a shift. Define them here; each member's values are set on the Members page or by an import.</translation>
        </message>
        <message>
            <source>Only owners and administrators can define attributes.</source>
            <translation>Only owners and administrators can define attributes.</translation>
        </message>
        <message>
            <source>&amp;Add…</source>
            <translation>&amp;Add…</translation>
        </message>
        <message>
            <source>Define a new attribute</source>
            <translation>Define a new attribute</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>&amp;Edit…</translation>
        </message>
        <message>
            <source>Change the selected attribute's names, type or choices</source>
            <translation>Change the selected attribute's names, type or choices</translation>
        </message>
        <message>
            <source>De&amp;lete…</source>
            <translation>De&amp;lete…</translation>
        </message>
        <message>
            <source>Delete the selected attribute</source>
            <translation>Delete the selected attribute</translation>
        </message>
        <message>
            <source>Rel&amp;oad</source>
            <translation>Rel&amp;oad</translation>
        </message>
        <message>
            <source>Load the list again from the service</source>
            <translation>Load the list again from the service</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Loading…</translation>
        </message>
        <message numerus="yes">
            <source>%n attributes: the most a company can have.</source>
            <translation>
                <numerusform>%n attribute: the most a company can have.</numerusform>
                <numerusform>%n attributes: the most a company can have.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n attributes (at most %1)</source>
            <extracomment>%n attributes are defined; a company can have at most %1.</extracomment>
            <translation>
                <numerusform>%n attribute (at most %1)</numerusform>
                <numerusform>%n attributes (at most %1)</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete Attribute</source>
            <translation>Delete Attribute</translation>
        </message>
        <message>
            <source>Delete the attribute “%1”?</source>
            <translation>Delete the attribute “%1”?</translation>
        </message>
        <message>
            <source>Members keep their values, but lists, filters and dashboards no longer show them. Survey answers already given are not changed.</source>
            <translation>Members keep their values, but lists, filters and dashboards no longer show them. Survey answers already given are not changed.</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Delete</translation>
        </message>
        <message>
            <source>Someone else changed or deleted this attribute since the list was loaded, so your change was not made. Reload to see their change, then try again.</source>
            <translation>Someone else changed or deleted this attribute since the list was loaded, so your change was not made. Reload to see their change, then try again.</translation>
        </message>
        <message>
            <source>Reload</source>
            <translation>Reload</translation>
        </message>
        <message numerus="yes">
            <source>The company already has %n attributes, the most it can have. Delete one it no longer needs, then add this one.</source>
            <translation>
                <numerusform>The company already has %n attribute, the most it can have. Delete it if it is no longer needed, then add this one.</numerusform>
                <numerusform>The company already has %n attributes, the most it can have. Delete one it no longer needs, then add this one.</numerusform>
            </translation>
        </message>
        <message>
            <source>Members hold a choice you removed, so nothing was changed. Keep that choice, or give those members another one first.</source>
            <translation>Members hold a choice you removed, so nothing was changed. Keep that choice, or give those members another one first.</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::BankPickerDialog</name>
        <message>
            <source>Add from the Question Bank</source>
            <translation>Add from the Question Bank</translation>
        </message>
        <message>
            <source>Choose one or more questions of the engagement bank (Ctrl+click for several). They are added as 5-point agreement questions in both languages, and can be changed afterwards.</source>
            <translation>Choose one or more questions of the engagement bank (Ctrl+click for several). They are added as 5-point agreement questions in both languages, and can be changed afterwards.</translation>
        </message>
        <message>
            <source>Question bank</source>
            <translation>Question bank</translation>
        </message>
        <message>
            <source>&amp;Add Questions</source>
            <translation>&amp;Add Questions</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::BenchmarkDialog</name>
        <message numerus="yes">
            <source>Name the source in at most %n characters.</source>
            <translation>
                <numerusform>Name the source in at most %n character.</numerusform>
                <numerusform>Name the source in at most %n characters.</numerusform>
            </translation>
        </message>
        <message>
            <source>A benchmark is a score from 0 to 100.</source>
            <translation>A benchmark is a score from 0 to 100.</translation>
        </message>
        <message>
            <source>The source holds characters it cannot show, such as a line break.</source>
            <translation>The source holds characters it cannot show, such as a line break.</translation>
        </message>
        <message>
            <source>Benchmarks</source>
            <translation>Benchmarks</translation>
        </message>
        <message>
            <source>The factor chart marks these figures beside each score: your own targets, or an industry survey's results. Leave a factor at "None" to mark nothing for it.</source>
            <translation>The factor chart marks these figures beside each score: your own targets, or an industry survey's results. Leave a factor at "None" to mark nothing for it.</translation>
        </message>
        <message>
            <source>S&amp;ource:</source>
            <translation>S&amp;ource:</translation>
        </message>
        <message>
            <source>Where the figures come from, e.g. "Targets 2026"</source>
            <translation>Where the figures come from, e.g. "Targets 2026"</translation>
        </message>
        <message>
            <source>%1:</source>
            <extracomment>A factor's name as the label of its benchmark value: "Recognition:".</extracomment>
            <translation>%1:</translation>
        </message>
        <message>
            <source>None</source>
            <extracomment>Shown in a benchmark's field when the factor has no benchmark.</extracomment>
            <translation>None</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Save</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::CertificateDialog</name>
        <message>
            <source>%1 to %2</source>
            <translation>%1 to %2</translation>
        </message>
        <message>
            <source>Check the service's certificate</source>
            <translation>Check the service's certificate</translation>
        </message>
        <message>
            <source>&lt;p&gt;The service at &lt;b&gt;%1&lt;/b&gt; presented a certificate that no public certificate authority vouches for.&lt;/p&gt;&lt;p&gt;Compare its SHA-256 fingerprint with the one your administrator gave you. Trust it only if they are identical: Engage will then remember it and refuse any other certificate for this connection.&lt;/p&gt;</source>
            <translation>&lt;p&gt;The service at &lt;b&gt;%1&lt;/b&gt; presented a certificate that no public certificate authority vouches for.&lt;/p&gt;&lt;p&gt;Compare its SHA-256 fingerprint with the one your administrator gave you. Trust it only if they are identical: Engage will then remember it and refuse any other certificate for this connection.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Service:</source>
            <translation>Service:</translation>
        </message>
        <message>
            <source>Issued to:</source>
            <translation>Issued to:</translation>
        </message>
        <message>
            <source>Issued by:</source>
            <translation>Issued by:</translation>
        </message>
        <message>
            <source>Valid:</source>
            <translation>Valid:</translation>
        </message>
        <message>
            <source>SHA-256 fingerprint:</source>
            <translation>SHA-256 fingerprint:</translation>
        </message>
        <message>
            <source>This certificate is not valid at the moment (expired or not yet valid).</source>
            <translation>This certificate is not valid at the moment (expired or not yet valid).</translation>
        </message>
        <message>
            <source>I have checked the fingerprint and trust this certificate</source>
            <translation>I have checked the fingerprint and trust this certificate</translation>
        </message>
        <message>
            <source>Trust and connect</source>
            <translation>Trust and connect</translation>
        </message>
        <message>
            <source>Do not connect</source>
            <translation>Do not connect</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::ConnectionStatus</name>
        <message>
            <source>Connected to %1</source>
            <translation>Connected to %1</translation>
        </message>
        <message>
            <source>Cannot reach %1</source>
            <translation>Cannot reach %1</translation>
        </message>
        <message>
            <source>Tenant: %1</source>
            <translation>Tenant: %1</translation>
        </message>
        <message>
            <source>Signed in as %1</source>
            <translation>Signed in as %1</translation>
        </message>
        <message>
            <source>Not signed in</source>
            <translation>Not signed in</translation>
        </message>
        <message>
            <source>Signing in…</source>
            <translation>Signing in…</translation>
        </message>
        <message>
            <source>Service: checking…</source>
            <translation>Service: checking…</translation>
        </message>
        <message>
            <source>Service: ready</source>
            <translation>Service: ready</translation>
        </message>
        <message>
            <source>Service: not ready</source>
            <translation>Service: not ready</translation>
        </message>
        <message>
            <source>Service: unreachable</source>
            <translation>Service: unreachable</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::DashboardPage</name>
        <message>
            <source>Age band</source>
            <translation>Age band</translation>
        </message>
        <message>
            <source>Length of service</source>
            <translation>Length of service</translation>
        </message>
        <message>
            <source>Employment type</source>
            <translation>Employment type</translation>
        </message>
        <message>
            <source>Grade</source>
            <translation>Grade</translation>
        </message>
        <message>
            <source>Job category</source>
            <translation>Job category</translation>
        </message>
        <message>
            <source>(None)</source>
            <translation>(None)</translation>
        </message>
        <message>
            <source>(Compare all)</source>
            <translation>(Compare all)</translation>
        </message>
        <message>
            <source>Withheld to keep answers anonymous.</source>
            <translation>Withheld to keep answers anonymous.</translation>
        </message>
        <message numerus="yes">
            <source>Shown: at least %n respondents, the anonymity threshold.</source>
            <translation>
                <numerusform>Shown: at least %n respondent, the anonymity threshold.</numerusform>
                <numerusform>Shown: at least %n respondents, the anonymity threshold.</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 points since the previous round</source>
            <extracomment>The response rate's change in percentage points: "+3.5 points since the previous round".</extracomment>
            <translation>%1 points since the previous round</translation>
        </message>
        <message>
            <source>%1 %</source>
            <translation>%1 %</translation>
        </message>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>%1 of %2 members answered.</source>
            <translation>%1 of %2 members answered.</translation>
        </message>
        <message>
            <source>▲ Engagement rose since the previous round.</source>
            <translation>▲ Engagement rose since the previous round.</translation>
        </message>
        <message>
            <source>▼ Engagement fell since the previous round.</source>
            <translation>▼ Engagement fell since the previous round.</translation>
        </message>
        <message>
            <source>Engagement held since the previous round.</source>
            <translation>Engagement held since the previous round.</translation>
        </message>
        <message>
            <source>This is the first round: there is nothing to compare with.</source>
            <translation>This is the first round: there is nothing to compare with.</translation>
        </message>
        <message>
            <source>A change needs both rounds' scores shown.</source>
            <translation>A change needs both rounds' scores shown.</translation>
        </message>
        <message>
            <source>In points of engagement, 0 to 100.</source>
            <translation>In points of engagement, 0 to 100.</translation>
        </message>
        <message numerus="yes">
            <source>At or above the anonymity threshold of %n.</source>
            <translation>
                <numerusform>At or above the anonymity threshold of %n.</numerusform>
                <numerusform>At or above the anonymity threshold of %n.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Below the anonymity threshold of %n: scores are withheld.</source>
            <translation>
                <numerusform>Below the anonymity threshold of %n: scores are withheld.</numerusform>
                <numerusform>Below the anonymity threshold of %n: scores are withheld.</numerusform>
            </translation>
        </message>
        <message>
            <source>%1  %2</source>
            <extracomment>A memo in the menu: its date and (the start of) its text.</extracomment>
            <translation>%1  %2</translation>
        </message>
        <message>
            <source>No memos in this period</source>
            <translation>No memos in this period</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>Dashboard</translation>
        </message>
        <message>
            <source>&amp;Period:</source>
            <translation>&amp;Period:</translation>
        </message>
        <message>
            <source>The closed round whose results the page shows</source>
            <translation>The closed round whose results the page shows</translation>
        </message>
        <message>
            <source>Gro&amp;up:</source>
            <translation>Gro&amp;up:</translation>
        </message>
        <message>
            <source>Whole company</source>
            <translation>Whole company</translation>
        </message>
        <message>
            <source>The group whose results the page shows, with every group below it</source>
            <translation>The group whose results the page shows, with every group below it</translation>
        </message>
        <message>
            <source>A&amp;ttribute:</source>
            <translation>A&amp;ttribute:</translation>
        </message>
        <message>
            <source>Narrow the results to members with one value of an attribute, or compare its values</source>
            <translation>Narrow the results to members with one value of an attribute, or compare its values</translation>
        </message>
        <message>
            <source>&amp;Value:</source>
            <translation>&amp;Value:</translation>
        </message>
        <message>
            <source>Engagement</source>
            <translation>Engagement</translation>
        </message>
        <message>
            <source>Response rate</source>
            <translation>Response rate</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Change</translation>
        </message>
        <message>
            <source>Respondents</source>
            <translation>Respondents</translation>
        </message>
        <message>
            <source>T&amp;rend</source>
            <translation>T&amp;rend</translation>
        </message>
        <message>
            <source>Factor s&amp;cores</source>
            <translation>Factor s&amp;cores</translation>
        </message>
        <message>
            <source>&amp;Heatmap of groups</source>
            <translation>&amp;Heatmap of groups</translation>
        </message>
        <message>
            <source>Attribute brea&amp;kdown</source>
            <translation>Attribute brea&amp;kdown</translation>
        </message>
        <message>
            <source>Priorit&amp;y: score and impact</source>
            <translation>Priorit&amp;y: score and impact</translation>
        </message>
        <message>
            <source>Double-click a group or press Enter to see its results and trend. Click a column's header to sort by it.</source>
            <translation>Double-click a group or press Enter to see its results and trend. Click a column's header to sort by it.</translation>
        </message>
        <message>
            <source>Double-click a value or press Enter to narrow the page to it.</source>
            <translation>Double-click a value or press Enter to narrow the page to it.</translation>
        </message>
        <message>
            <source>&amp;Lines</source>
            <translation>&amp;Lines</translation>
        </message>
        <message>
            <source>Choose the lines the trend shows</source>
            <translation>Choose the lines the trend shows</translation>
        </message>
        <message>
            <source>Memo&amp;s</source>
            <translation>Memo&amp;s</translation>
        </message>
        <message>
            <source>Memos on the trend: open one, or write a new one</source>
            <translation>Memos on the trend: open one, or write a new one</translation>
        </message>
        <message>
            <source>New &amp;Memo…</source>
            <translation>New &amp;Memo…</translation>
        </message>
        <message>
            <source>Mark an event on the trend with a short memo</source>
            <translation>Mark an event on the trend with a short memo</translation>
        </message>
        <message>
            <source>&amp;Benchmarks…</source>
            <translation>&amp;Benchmarks…</translation>
        </message>
        <message>
            <source>Set the figures the factor chart compares each score with</source>
            <translation>Set the figures the factor chart compares each score with</translation>
        </message>
        <message>
            <source>Pr&amp;int…</source>
            <translation>Pr&amp;int…</translation>
        </message>
        <message>
            <source>Print the dashboard as shown</source>
            <translation>Print the dashboard as shown</translation>
        </message>
        <message>
            <source>Rel&amp;oad</source>
            <translation>Rel&amp;oad</translation>
        </message>
        <message>
            <source>Load the results again from the service</source>
            <translation>Load the results again from the service</translation>
        </message>
        <message>
            <source>Delete Memo</source>
            <translation>Delete Memo</translation>
        </message>
        <message>
            <source>Delete the memo of %1?</source>
            <translation>Delete the memo of %1?</translation>
        </message>
        <message>
            <source>It leaves the trend for everyone who reads the dashboard.</source>
            <translation>It leaves the trend for everyone who reads the dashboard.</translation>
        </message>
        <message>
            <source>It leaves your trend.</source>
            <translation>It leaves your trend.</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Delete</translation>
        </message>
        <message>
            <source>Round: %1 · Group: %2</source>
            <translation>Round: %1 · Group: %2</translation>
        </message>
        <message>
            <source>Round: %1 · Group: %2 · %3: %4</source>
            <translation>Round: %1 · Group: %2 · %3: %4</translation>
        </message>
        <message>
            <source>The printer could not be started.</source>
            <translation>The printer could not be started.</translation>
        </message>
        <message numerus="yes">
            <source>%Ln members were asked.</source>
            <translation>
                <numerusform>%Ln member was asked.</numerusform>
                <numerusform>%Ln members were asked.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>engage::ui::DashboardPanel</name>
        <message>
            <source>Try Again</source>
            <translation>Try Again</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::DeliveryEditor</name>
        <message>
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <source>&amp;First delivery:</source>
            <translation>&amp;First delivery:</translation>
        </message>
        <message>
            <source>Not chosen</source>
            <translation>Not chosen</translation>
        </message>
        <message>
            <source>Time &amp;zone:</source>
            <translation>Time &amp;zone:</translation>
        </message>
        <message>
            <source>Response &amp;period:</source>
            <translation>Response &amp;period:</translation>
        </message>
        <message>
            <source> day(s)</source>
            <translation> day(s)</translation>
        </message>
        <message>
            <source>Repeats:</source>
            <translation>Repeats:</translation>
        </message>
        <message numerus="yes">
            <source>Every %n week(s)</source>
            <translation>
                <numerusform>Every %n week</numerusform>
                <numerusform>Every %n weeks</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Repeat every</source>
            <translation>&amp;Repeat every</translation>
        </message>
        <message>
            <source> week(s)</source>
            <translation> week(s)</translation>
        </message>
        <message>
            <source>Reminders to those who have not answered</source>
            <translation>Reminders to those who have not answered</translation>
        </message>
        <message>
            <source>Reminder &amp;time:</source>
            <translation>Reminder &amp;time:</translation>
        </message>
        <message>
            <source>Reminder days</source>
            <translation>Reminder days</translation>
        </message>
        <message>
            <source>Targets</source>
            <translation>Targets</translation>
        </message>
        <message>
            <source>Target groups</source>
            <translation>Target groups</translation>
        </message>
        <message>
            <source>Tick the groups whose members are asked. With none ticked, every member is asked.</source>
            <translation>Tick the groups whose members are asked. With none ticked, every member is asked.</translation>
        </message>
        <message>
            <source>Narrow by &amp;attribute:</source>
            <translation>Narrow by &amp;attribute:</translation>
        </message>
        <message>
            <source>Values of the attribute</source>
            <translation>Values of the attribute</translation>
        </message>
        <message>
            <source>List &amp;comments from</source>
            <translation>List &amp;comments from</translation>
        </message>
        <message>
            <source> respondents</source>
            <translation> respondents</translation>
        </message>
        <message>
            <source>Upcoming rounds</source>
            <translation>Upcoming rounds</translation>
        </message>
        <message>
            <source>Blue: days a round is open. Orange: days reminders go out. Times here are in the survey's time zone.</source>
            <translation>Blue: days a round is open. Orange: days reminders go out. Times here are in the survey's time zone.</translation>
        </message>
        <message>
            <source>(choose an attribute)</source>
            <translation>(choose an attribute)</translation>
        </message>
        <message>
            <source>until %1</source>
            <translation>until %1</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <extracomment>A target condition: an attribute (%1) and the values it must have (%2).</extracomment>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Correct the settings to see the rounds.</source>
            <translation>Correct the settings to see the rounds.</translation>
        </message>
        <message>
            <source>Choose the first delivery to see the rounds.</source>
            <translation>Choose the first delivery to see the rounds.</translation>
        </message>
        <message>
            <source>Round %1: %2 – %3</source>
            <extracomment>A planned round: its number, when it opens and closes.</extracomment>
            <translation>Round %1: %2 – %3</translation>
        </message>
        <message>
            <source>Reminders: %1</source>
            <translation>Reminders: %1</translation>
        </message>
        <message>
            <source>No round is planned after today.</source>
            <translation>No round is planned after today.</translation>
        </message>
        <message numerus="yes">
            <source>%n member(s) would be asked if the round opened on %1.</source>
            <translation>
                <numerusform>%n member would be asked if the round opened on %1.</numerusform>
                <numerusform>%n members would be asked if the round opened on %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>Counting the members…</source>
            <translation>Counting the members…</translation>
        </message>
        <message>
            <source>The members could not be counted.</source>
            <translation>The members could not be counted.</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::ErrorDialog</name>
        <message>
            <source>Engage: error</source>
            <translation>Engage: error</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::EverythingExportController</name>
        <message>
            <source>Export &amp;Everything…</source>
            <translation>Export &amp;Everything…</translation>
        </message>
        <message>
            <source>Save every member, result, survey and log of the company as Excel workbooks in one zip file</source>
            <translation>Save every member, result, survey and log of the company as Excel workbooks in one zip file</translation>
        </message>
        <message>
            <source>Export Everything</source>
            <translation>Export Everything</translation>
        </message>
        <message>
            <source>Zip file of Excel workbooks (*.zip)</source>
            <translation>Zip file of Excel workbooks (*.zip)</translation>
        </message>
        <message>
            <source>Packing the zip file…</source>
            <translation>Packing the zip file…</translation>
        </message>
        <message>
            <source>%1 (%2 of %3)</source>
            <translation>%1 (%2 of %3)</translation>
        </message>
        <message>
            <source>Writing the workbook… %1 of %2 rows</source>
            <translation>Writing the workbook… %1 of %2 rows</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::ExportController</name>
        <message>
            <source>E&amp;xport…</source>
            <translation>E&amp;xport…</translation>
        </message>
        <message>
            <source>E&amp;xport to Excel…</source>
            <translation>E&amp;xport to Excel…</translation>
        </message>
        <message>
            <source>Save what the page shows as an Excel workbook or a CSV file</source>
            <translation>Save what the page shows as an Excel workbook or a CSV file</translation>
        </message>
        <message>
            <source>Save what the page shows as an Excel workbook</source>
            <translation>Save what the page shows as an Excel workbook</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <source>CSV, UTF-8 with BOM (*.csv)</source>
            <translation>CSV, UTF-8 with BOM (*.csv)</translation>
        </message>
        <message>
            <source>Reading from the service…</source>
            <translation>Reading from the service…</translation>
        </message>
        <message>
            <source>Reading from the service… %1 of %2</source>
            <translation>Reading from the service… %1 of %2</translation>
        </message>
        <message>
            <source>Writing the file… %1 of %2 rows</source>
            <translation>Writing the file… %1 of %2 rows</translation>
        </message>
        <message>
            <source>The file %1 is ready.</source>
            <translation>The file %1 is ready.</translation>
        </message>
        <message>
            <source>The service could not be reached: the data is as of %1, from this computer's offline copy.</source>
            <translation>The service could not be reached: the data is as of %1, from this computer's offline copy.</translation>
        </message>
        <message>
            <source>Open Folder</source>
            <translation>Open Folder</translation>
        </message>
        <message>
            <source>The file could not be exported.</source>
            <translation>The file could not be exported.</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::ExtendDialog</name>
        <message>
            <source>Extend Round</source>
            <translation>Extend Round</translation>
        </message>
        <message>
            <source>The open round of “%1” ends at 23:59 on %2. Members who have not answered yet can answer until the new last day; reminders already planned still go out.</source>
            <translation>The open round of “%1” ends at 23:59 on %2. Members who have not answered yet can answer until the new last day; reminders already planned still go out.</translation>
        </message>
        <message>
            <source>New &amp;last day:</source>
            <translation>New &amp;last day:</translation>
        </message>
        <message>
            <source>E&amp;xtend</source>
            <translation>E&amp;xtend</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::FactorChart</name>
        <message>
            <source>Score</source>
            <translation>Score</translation>
        </message>
        <message>
            <source>Benchmark</source>
            <translation>Benchmark</translation>
        </message>
        <message>
            <source>Benchmark (%1)</source>
            <translation>Benchmark (%1)</translation>
        </message>
        <message>
            <source>Score (0–100)</source>
            <extracomment>The horizontal axis of the factor chart.</extracomment>
            <translation>Score (0–100)</translation>
        </message>
        <message>
            <source>No scores for this selection.</source>
            <translation>No scores for this selection.</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::GroupDialog</name>
        <message>
            <source>Another group has this code. Codes must be unique.</source>
            <translation>Another group has this code. Codes must be unique.</translation>
        </message>
        <message>
            <source>New Group</source>
            <translation>New Group</translation>
        </message>
        <message>
            <source>Edit Group</source>
            <translation>Edit Group</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>Sales Department</source>
            <translation>Sales Department</translation>
        </message>
        <message>
            <source>&amp;Code:</source>
            <translation>&amp;Code:</translation>
        </message>
        <message>
            <source>SALES</source>
            <translation>SALES</translation>
        </message>
        <message>
            <source>A short code that stays the same when the group is renamed. Imports match groups by it.</source>
            <translation>A short code that stays the same when the group is renamed. Imports match groups by it.</translation>
        </message>
        <message>
            <source>&amp;Parent group:</source>
            <translation>&amp;Parent group:</translation>
        </message>
        <message>
            <source>(Top level)</source>
            <translation>(Top level)</translation>
        </message>
        <message>
            <source>&amp;Create</source>
            <translation>&amp;Create</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Save</translation>
        </message>
        <message numerus="yes">
            <source>Enter a name of up to %n characters, on one line, without '/'.</source>
            <translation>
                <numerusform>Enter a name of up to %n character, on one line, without '/'.</numerusform>
                <numerusform>Enter a name of up to %n characters, on one line, without '/'.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Enter a code of up to %n characters without spaces or '/'.</source>
            <translation>
                <numerusform>Enter a code of up to %n character without spaces or '/'.</numerusform>
                <numerusform>Enter a code of up to %n characters without spaces or '/'.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>engage::ui::GroupPicker</name>
        <message>
            <source> › </source>
            <extracomment>Between the levels of a group's path: "Sales › Tokyo Office".</extracomment>
            <translation> › </translation>
        </message>
    </context>
    <context>
        <name>engage::ui::GroupScopeDialog</name>
        <message>
            <source>Included with “%1”</source>
            <translation>Included with “%1”</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>No group is ticked: %1 sees no members and no results.</source>
            <translation>No group is ticked: %1 sees no members and no results.</translation>
        </message>
        <message numerus="yes">
            <source>%n groups ticked, with the groups beneath them.</source>
            <translation>
                <numerusform>%n group ticked, with the groups beneath it.</numerusform>
                <numerusform>%n groups ticked, with the groups beneath them.</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 is no longer a manager, so there are no groups to choose. Reload the list of people to see their role.</source>
            <translation>%1 is no longer a manager, so there are no groups to choose. Reload the list of people to see their role.</translation>
        </message>
        <message>
            <source>Groups of %1</source>
            <extracomment>Title of the dialog choosing a manager's (%1) groups.</extracomment>
            <translation>Groups of %1</translation>
        </message>
        <message>
            <source>%1 sees the members and survey results of the groups ticked here, including every group beneath them.</source>
            <translation>%1 sees the members and survey results of the groups ticked here, including every group beneath them.</translation>
        </message>
        <message>
            <source>Groups</source>
            <translation>Groups</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Save</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::ImportFilePage</name>
        <message>
            <source>Sending %1 of %2…</source>
            <translation>Sending %1 of %2…</translation>
        </message>
        <message>
            <source>Sent. The service is reading the file…</source>
            <translation>Sent. The service is reading the file…</translation>
        </message>
        <message>
            <source>The file is empty.</source>
            <translation>The file is empty.</translation>
        </message>
        <message>
            <source>The file cannot be read. Check that it still exists and that you may open it.</source>
            <translation>The file cannot be read. Check that it still exists and that you may open it.</translation>
        </message>
        <message>
            <source>%1 cannot be found.</source>
            <translation>%1 cannot be found.</translation>
        </message>
        <message>
            <source>%1, %2</source>
            <extracomment>The chosen file's name (%1) and size (%2, such as "1.2 MB").</extracomment>
            <translation>%1, %2</translation>
        </message>
        <message>
            <source>Engage imports Excel workbooks (.xlsx) and CSV files (.csv). Save the list in one of these formats first.</source>
            <translation>Engage imports Excel workbooks (.xlsx) and CSV files (.csv). Save the list in one of these formats first.</translation>
        </message>
        <message>
            <source>This file is %1. Engage imports files of up to %2: split the list into several files, or leave out the columns it does not need.</source>
            <translation>This file is %1. Engage imports files of up to %2: split the list into several files, or leave out the columns it does not need.</translation>
        </message>
        <message>
            <source>Choose a Member List</source>
            <translation>Choose a Member List</translation>
        </message>
        <message>
            <source>Member lists (*.xlsx *.csv)</source>
            <translation>Member lists (*.xlsx *.csv)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>All files (*)</translation>
        </message>
        <message>
            <source>Reading the file…</source>
            <translation>Reading the file…</translation>
        </message>
        <message>
            <source>Choose the File</source>
            <translation>Choose the File</translation>
        </message>
        <message>
            <source>Step 1 of 5: the list of members to import.</source>
            <translation>Step 1 of 5: the list of members to import.</translation>
        </message>
        <message>
            <source>&lt;p&gt;Choose an Excel workbook (.xlsx) or a CSV file (.csv) with one member per row and a header row, such as a list from your HR system. CSV files may be in UTF-8 or in the Shift_JIS of Japanese Excel.&lt;/p&gt;&lt;p&gt;Nothing changes until you apply the import at the end: first you check where each column goes and what would change.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Choose an Excel workbook (.xlsx) or a CSV file (.csv) with one member per row and a header row, such as a list from your HR system. CSV files may be in UTF-8 or in the Shift_JIS of Japanese Excel.&lt;/p&gt;&lt;p&gt;Nothing changes until you apply the import at the end: first you check where each column goes and what would change.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&amp;File:</source>
            <translation>&amp;File:</translation>
        </message>
        <message>
            <source>No file chosen</source>
            <translation>No file chosen</translation>
        </message>
        <message>
            <source>&amp;Choose…</source>
            <translation>&amp;Choose…</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::ImportMappingPage</name>
        <message>
            <source>Excel workbook</source>
            <translation>Excel workbook</translation>
        </message>
        <message>
            <source>CSV in Shift_JIS</source>
            <extracomment>A CSV file in the encoding of Japanese Excel.</extracomment>
            <translation>CSV in Shift_JIS</translation>
        </message>
        <message>
            <source>CSV</source>
            <translation>CSV</translation>
        </message>
        <message>
            <source>CSV in %1</source>
            <extracomment>A CSV file and its encoding (%1, such as UTF-8).</extracomment>
            <translation>CSV in %1</translation>
        </message>
        <message>
            <source>Saving the mapping…</source>
            <translation>Saving the mapping…</translation>
        </message>
        <message>
            <source>Working out what would change…</source>
            <translation>Working out what would change…</translation>
        </message>
        <message>
            <source>Where the column “%1” goes</source>
            <translation>Where the column “%1” goes</translation>
        </message>
        <message>
            <source>Do not import</source>
            <translation>Do not import</translation>
        </message>
        <message>
            <source>Attribute: %1</source>
            <extracomment>A target of an import's column: one of the company's attributes (%1).</extracomment>
            <translation>Attribute: %1</translation>
        </message>
        <message>
            <source>✓ Remembered</source>
            <extracomment>Marks a column mapped as the company mapped it in an earlier import.</extracomment>
            <translation>✓ Remembered</translation>
        </message>
        <message>
            <source>Your company mapped this column this way before.</source>
            <translation>Your company mapped this column this way before.</translation>
        </message>
        <message>
            <source>The columns “%1” and “%2” both go to %3. Choose one of them, and set the other to “Do not import”.</source>
            <translation>The columns “%1” and “%2” both go to %3. Choose one of them, and set the other to “Do not import”.</translation>
        </message>
        <message>
            <source>Choose the column with the employee code or the e-mail (or Engage's member ID), so that each row can be matched to a member.</source>
            <translation>Choose the column with the employee code or the e-mail (or Engage's member ID), so that each row can be matched to a member.</translation>
        </message>
        <message>
            <source>Match the Columns</source>
            <translation>Match the Columns</translation>
        </message>
        <message>
            <source>Step 2 of 5: which member field each column of the file fills.</source>
            <translation>Step 2 of 5: which member field each column of the file fills.</translation>
        </message>
        <message>
            <source>Column in the file</source>
            <extracomment>Column of the mapping table: a column's header as the file has it.</extracomment>
            <translation>Column in the file</translation>
        </message>
        <message>
            <source>Goes to</source>
            <translation>Goes to</translation>
        </message>
        <message numerus="yes">
            <source>%1: %2, %Ln rows of members. Choose where each column goes; columns set to “Do not import” are left out.</source>
            <extracomment>What the service read: the file's name (%1), its format (%2) and how many rows (%Ln).</extracomment>
            <translation>
                <numerusform>%1: %2, %Ln row of members. Choose where each column goes; columns set to “Do not import” are left out.</numerusform>
                <numerusform>%1: %2, %Ln rows of members. Choose where each column goes; columns set to “Do not import” are left out.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>engage::ui::ImportOptionsPage</name>
        <message numerus="yes">
            <source>%Ln new members will be added.</source>
            <translation>
                <numerusform>%Ln new member will be added.</numerusform>
                <numerusform>%Ln new members will be added.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln members will be updated with the file's data.</source>
            <translation>
                <numerusform>%Ln member will be updated with the file's data.</numerusform>
                <numerusform>%Ln members will be updated with the file's data.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln members whose data differs will stay as they are.</source>
            <translation>
                <numerusform>%Ln member whose data differs will stay as they are.</numerusform>
                <numerusform>%Ln members whose data differs will stay as they are.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln new groups will be created, and the rows that name them will be imported too.</source>
            <translation>
                <numerusform>%Ln new group will be created, and the rows that name it will be imported too.</numerusform>
                <numerusform>%Ln new groups will be created, and the rows that name them will be imported too.</numerusform>
            </translation>
        </message>
        <message>
            <source>No group will be created: rows that name a new group are left out.</source>
            <translation>No group will be created: rows that name a new group are left out.</translation>
        </message>
        <message numerus="yes">
            <source>%Ln members missing from the file will be marked as left. They stay in Engage with their history.</source>
            <translation>
                <numerusform>%Ln member missing from the file will be marked as left. They stay in Engage with their history.</numerusform>
                <numerusform>%Ln members missing from the file will be marked as left. They stay in Engage with their history.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln members missing from the file will stay as they are.</source>
            <translation>
                <numerusform>%Ln member missing from the file will stay as they are.</numerusform>
                <numerusform>%Ln members missing from the file will stay as they are.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln rows with errors will be left out.</source>
            <translation>
                <numerusform>%Ln row with errors will be left out.</numerusform>
                <numerusform>%Ln rows with errors will be left out.</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing will change.</source>
            <translation>Nothing will change.</translation>
        </message>
        <message>
            <source>Nothing is deleted, and you can undo the import afterwards as long as nobody has changed these members since.</source>
            <translation>Nothing is deleted, and you can undo the import afterwards as long as nobody has changed these members since.</translation>
        </message>
        <message>
            <source>Choose What to Apply</source>
            <translation>Choose What to Apply</translation>
        </message>
        <message>
            <source>Step 4 of 5: new members are always added; the rest is up to you.</source>
            <translation>Step 4 of 5: new members are always added; the rest is up to you.</translation>
        </message>
        <message>
            <source>Rows with errors are left out, unless their only problem is a new group you choose to create. Choose what else the import does:</source>
            <translation>Rows with errors are left out, unless their only problem is a new group you choose to create. Choose what else the import does:</translation>
        </message>
        <message numerus="yes">
            <source>&amp;Update the %Ln members whose data in the file differs</source>
            <translation>
                <numerusform>&amp;Update the %Ln member whose data in the file differs</numerusform>
                <numerusform>&amp;Update the %Ln members whose data in the file differs</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>&amp;Create the %Ln groups that do not exist yet</source>
            <translation>
                <numerusform>&amp;Create the %Ln group that does not exist yet</numerusform>
                <numerusform>&amp;Create the %Ln groups that do not exist yet</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>&amp;Mark the %Ln members missing from the file as left</source>
            <translation>
                <numerusform>&amp;Mark the %Ln member missing from the file as left</numerusform>
                <numerusform>&amp;Mark the %Ln members missing from the file as left</numerusform>
            </translation>
        </message>
        <message>
            <source>What will happen</source>
            <translation>What will happen</translation>
        </message>
        <message numerus="yes">
            <source>%Ln new groups will be created.</source>
            <translation>
                <numerusform>%Ln new group will be created.</numerusform>
                <numerusform>%Ln new groups will be created.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The %Ln rows that name a new group will be imported too.</source>
            <translation>
                <numerusform>The %Ln row that names a new group will be imported too.</numerusform>
                <numerusform>The %Ln rows that name a new group will be imported too.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>engage::ui::ImportPreviewPage</name>
        <message numerus="yes">
            <source>%Ln more</source>
            <extracomment>Ends a list of names cut short: how many more there are.</extracomment>
            <translation>
                <numerusform>%Ln more</numerusform>
                <numerusform>%Ln more</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln new</source>
            <extracomment>How many rows of the file add a member.</extracomment>
            <translation>
                <numerusform>%Ln new</numerusform>
                <numerusform>%Ln new</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln changed</source>
            <translation>
                <numerusform>%Ln changed</numerusform>
                <numerusform>%Ln changed</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln unchanged</source>
            <translation>
                <numerusform>%Ln unchanged</numerusform>
                <numerusform>%Ln unchanged</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln with errors</source>
            <translation>
                <numerusform>%Ln with errors</numerusform>
                <numerusform>%Ln with errors</numerusform>
            </translation>
        </message>
        <message>
            <source>Every row of the file matches its member: the import would change nothing.</source>
            <translation>Every row of the file matches its member: the import would change nothing.</translation>
        </message>
        <message>
            <source>Showing %1 of %2 rows that would change something; scroll for more.</source>
            <extracomment>Rows of the preview loaded so far (%1) out of all of them (%2); more load on scrolling.</extracomment>
            <translation>Showing %1 of %2 rows that would change something; scroll for more.</translation>
        </message>
        <message>
            <source>Unchanged rows are counted but not listed.</source>
            <translation>Unchanged rows are counted but not listed.</translation>
        </message>
        <message numerus="yes">
            <source>The file names %Ln groups that do not exist yet: %1. Their rows show as errors unless you choose to create them on the next page.</source>
            <translation>
                <numerusform>The file names %Ln group that does not exist yet: %1. Its rows show as errors unless you choose to create it on the next page.</numerusform>
                <numerusform>The file names %Ln groups that do not exist yet: %1. Their rows show as errors unless you choose to create them on the next page.</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message numerus="yes">
            <source>%Ln members of the company are not in the file: %1.</source>
            <translation>
                <numerusform>%Ln member of the company is not in the file: %1.</numerusform>
                <numerusform>%Ln members of the company are not in the file: %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>Check What Would Change</source>
            <translation>Check What Would Change</translation>
        </message>
        <message>
            <source>Step 3 of 5: nothing has changed yet. New members are green, changed ones amber, rows with errors red.</source>
            <translation>Step 3 of 5: nothing has changed yet. New members are green, changed ones amber, rows with errors red.</translation>
        </message>
        <message>
            <source>What the import would change</source>
            <translation>What the import would change</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::ImportProgressPage</name>
        <message>
            <source>Applying the Import</source>
            <translation>Applying the Import</translation>
        </message>
        <message>
            <source>The service makes all the changes in one go.</source>
            <translation>The service makes all the changes in one go.</translation>
        </message>
        <message>
            <source>Engage is applying the import. All of its changes are made together, or none of them: this cannot be interrupted, and takes a moment for a large file.</source>
            <translation>Engage is applying the import. All of its changes are made together, or none of them: this cannot be interrupted, and takes a moment for a large file.</translation>
        </message>
        <message>
            <source>&amp;Try Again</source>
            <translation>&amp;Try Again</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::ImportSummaryPage</name>
        <message>
            <source>Some of these members have been changed since the import, so it can no longer be undone as a whole. Change them on the Members page instead.</source>
            <translation>Some of these members have been changed since the import, so it can no longer be undone as a whole. Change them on the Members page instead.</translation>
        </message>
        <message>
            <source>The import was applied, but the service's account of it could not be read. The operation log has what changed.</source>
            <translation>The import was applied, but the service's account of it could not be read. The operation log has what changed.</translation>
        </message>
        <message numerus="yes">
            <source>%Ln members added</source>
            <translation>
                <numerusform>%Ln member added</numerusform>
                <numerusform>%Ln members added</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln members updated</source>
            <translation>
                <numerusform>%Ln member updated</numerusform>
                <numerusform>%Ln members updated</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln groups created</source>
            <translation>
                <numerusform>%Ln group created</numerusform>
                <numerusform>%Ln groups created</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln members marked as left</source>
            <translation>
                <numerusform>%Ln member marked as left</numerusform>
                <numerusform>%Ln members marked as left</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln rows with errors left out</source>
            <translation>
                <numerusform>%Ln row with errors left out</numerusform>
                <numerusform>%Ln rows with errors left out</numerusform>
            </translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;The import was applied.&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;%1&lt;/li&gt;&lt;/ul&gt;</source>
            <extracomment>The summary of an applied import: a list of counts, one per line.</extracomment>
            <translation>&lt;p&gt;&lt;b&gt;The import was applied.&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;%1&lt;/li&gt;&lt;/ul&gt;</translation>
        </message>
        <message numerus="yes">
            <source>%Ln members it added removed</source>
            <translation>
                <numerusform>%Ln member it added removed</numerusform>
                <numerusform>%Ln members it added removed</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln members put back as they were</source>
            <translation>
                <numerusform>%Ln member put back as they were</numerusform>
                <numerusform>%Ln members put back as they were</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln groups it created deleted</source>
            <translation>
                <numerusform>%Ln group it created deleted</numerusform>
                <numerusform>%Ln groups it created deleted</numerusform>
            </translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;The import was undone.&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;%1&lt;/li&gt;&lt;/ul&gt;</source>
            <extracomment>The summary of an undone import: a list of counts, one per line.</extracomment>
            <translation>&lt;p&gt;&lt;b&gt;The import was undone.&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;%1&lt;/li&gt;&lt;/ul&gt;</translation>
        </message>
        <message>
            <source>The import was undone: the members are as they were before it.</source>
            <translation>The import was undone: the members are as they were before it.</translation>
        </message>
        <message>
            <source>Undoing the import…</source>
            <translation>Undoing the import…</translation>
        </message>
        <message>
            <source>Changed your mind? Undo puts everything this import changed back as it was, as long as nobody has changed these members since.</source>
            <translation>Changed your mind? Undo puts everything this import changed back as it was, as long as nobody has changed these members since.</translation>
        </message>
        <message>
            <source>Undo Import</source>
            <translation>Undo Import</translation>
        </message>
        <message>
            <source>Undo this import?</source>
            <translation>Undo this import?</translation>
        </message>
        <message>
            <source>Members it added are removed again, members it changed or marked as left are put back as they were, and groups it created are deleted unless someone has put members in them since.</source>
            <translation>Members it added are removed again, members it changed or marked as left are put back as they were, and groups it created are deleted unless someone has put members in them since.</translation>
        </message>
        <message>
            <source>&amp;Undo Import</source>
            <translation>&amp;Undo Import</translation>
        </message>
        <message>
            <source>Import Summary</source>
            <translation>Import Summary</translation>
        </message>
        <message>
            <source>Step 5 of 5: what changed.</source>
            <translation>Step 5 of 5: what changed.</translation>
        </message>
        <message>
            <source>&amp;Undo This Import…</source>
            <translation>&amp;Undo This Import…</translation>
        </message>
        <message>
            <source>The operation log has an entry for this import (and one for its undo): who made it, when, and how many members it changed.</source>
            <translation>The operation log has an entry for this import (and one for its undo): who made it, when, and how many members it changed.</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::ImportWizard</name>
        <message>
            <source>Import Members</source>
            <translation>Import Members</translation>
        </message>
        <message>
            <source>&amp;Apply</source>
            <translation>&amp;Apply</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::InitialPasswordDialog</name>
        <message>
            <source>First Password</source>
            <translation>First Password</translation>
        </message>
        <message>
            <source>%1 was added as %2. They sign in with this first password and then choose their own.</source>
            <translation>%1 was added as %2. They sign in with this first password and then choose their own.</translation>
        </message>
        <message>
            <source>Company:</source>
            <translation>Company:</translation>
        </message>
        <message>
            <source>E-mail:</source>
            <translation>E-mail:</translation>
        </message>
        <message>
            <source>First &amp;password:</source>
            <translation>First &amp;password:</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Copy</translation>
        </message>
        <message>
            <source>Copied to the clipboard.</source>
            <translation>Copied to the clipboard.</translation>
        </message>
        <message>
            <source>The answer that carried the first password was lost on the way, and the service does not show it twice. Delete %1 and add them again to get a new one.</source>
            <translation>The answer that carried the first password was lost on the way, and the service does not show it twice. Delete %1 and add them again to get a new one.</translation>
        </message>
        <message>
            <source>This password is shown only now and cannot be shown again. Pass it on through a channel only this person reads.</source>
            <translation>This password is shown only now and cannot be shown again. Pass it on through a channel only this person reads.</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::InviteDialog</name>
        <message>
            <source>Owners manage everything, including other owners.</source>
            <translation>Owners manage everything, including other owners.</translation>
        </message>
        <message>
            <source>Administrators manage people, surveys and settings, but not owners.</source>
            <translation>Administrators manage people, surveys and settings, but not owners.</translation>
        </message>
        <message>
            <source>Managers run surveys and read the results of their groups.</source>
            <translation>Managers run surveys and read the results of their groups.</translation>
        </message>
        <message>
            <source>Viewers read dashboards and reports.</source>
            <translation>Viewers read dashboards and reports.</translation>
        </message>
        <message>
            <source>Add a Person</source>
            <translation>Add a Person</translation>
        </message>
        <message>
            <source>The person gets a first password, shown to you once. They choose their own when they first sign in.</source>
            <translation>The person gets a first password, shown to you once. They choose their own when they first sign in.</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>As colleagues know them</source>
            <translation>As colleagues know them</translation>
        </message>
        <message>
            <source>&amp;E-mail:</source>
            <translation>&amp;E-mail:</translation>
        </message>
        <message>
            <source>name@example.com</source>
            <translation>name@example.com</translation>
        </message>
        <message>
            <source>&amp;Role:</source>
            <translation>&amp;Role:</translation>
        </message>
        <message>
            <source>Adding…</source>
            <translation>Adding…</translation>
        </message>
        <message>
            <source>&amp;Add</source>
            <translation>&amp;Add</translation>
        </message>
        <message numerus="yes">
            <source>Enter a name of up to %n characters, on one line.</source>
            <translation>
                <numerusform>Enter a name of up to %n character, on one line.</numerusform>
                <numerusform>Enter a name of up to %n characters, on one line.</numerusform>
            </translation>
        </message>
        <message>
            <source>Enter an e-mail address such as name@example.com.</source>
            <translation>Enter an e-mail address such as name@example.com.</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::KpiCard</name>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>Loading</source>
            <translation>Loading</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::LogDetailPane</name>
        <message>
            <source>Field</source>
            <extracomment>Column of a change's fields in the log viewer: the field's name.</extracomment>
            <translation>Field</translation>
        </message>
        <message>
            <source>Before</source>
            <extracomment>Column of a change's fields in the log viewer: the value before the change.</extracomment>
            <translation>Before</translation>
        </message>
        <message>
            <source>After</source>
            <extracomment>Column of a change's fields in the log viewer: the value after the change.</extracomment>
            <translation>After</translation>
        </message>
        <message>
            <source>Select a row to see it in full.</source>
            <translation>Select a row to see it in full.</translation>
        </message>
        <message>
            <source>Changes</source>
            <translation>Changes</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>Row</translation>
        </message>
        <message>
            <source>Row %1</source>
            <extracomment>Title of the log viewer's detail pane: %1 the row's number in the tenant's log.</extracomment>
            <translation>Row %1</translation>
        </message>
        <message>
            <source>%1:</source>
            <extracomment>A field's name in the log viewer's detail pane.</extracomment>
            <translation>%1:</translation>
        </message>
        <message>
            <source>Exact time</source>
            <translation>Exact time</translation>
        </message>
        <message>
            <source>(personal, not shown)</source>
            <extracomment>A personal value of a change, which the log never holds.</extracomment>
            <translation>(personal, not shown)</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::LogHistogram</name>
        <message>
            <source>Counting rows…</source>
            <translation>Counting rows…</translation>
        </message>
        <message>
            <source>No rows in this range</source>
            <translation>No rows in this range</translation>
        </message>
        <message>
            <source>peak %1</source>
            <extracomment>The tallest bar of the log histogram: the most rows in one hour or day.</extracomment>
            <translation>peak %1</translation>
        </message>
        <message numerus="yes">
            <source>%1: %Ln row(s)</source>
            <extracomment>Tooltip of a bar of the log histogram: %1 its hour or day, %2 its rows.</extracomment>
            <translation>
                <numerusform>%1: %Ln row</numerusform>
                <numerusform>%1: %Ln rows</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>engage::ui::LogRetentionDialog</name>
        <message>
            <source>Saved. Archiving runs once a day on the service.</source>
            <translation>Saved. Archiving runs once a day on the service.</translation>
        </message>
        <message>
            <source>The archive was saved to %1.</source>
            <translation>The archive was saved to %1.</translation>
        </message>
        <message>
            <source>The archive could not be saved to %1: %2</source>
            <extracomment>%1 the file, %2 the system's reason.</extracomment>
            <translation>The archive could not be saved to %1: %2</translation>
        </message>
        <message>
            <source>Save the Archive File</source>
            <translation>Save the Archive File</translation>
        </message>
        <message>
            <source>Signed log archives (*.ndjson)</source>
            <translation>Signed log archives (*.ndjson)</translation>
        </message>
        <message>
            <source>Log Retention</source>
            <translation>Log Retention</translation>
        </message>
        <message>
            <source>By default every row of the access and operation logs stays in the database for as long as the organisation exists. You can instead have rows older than a number of days archived: they then leave the database for files on the service, signed so that any change to them is detected. Archived rows are never deleted, are still checked by "Verify Integrity", and can be downloaded below; they no longer appear in the log viewer.</source>
            <translation>By default every row of the access and operation logs stays in the database for as long as the organisation exists. You can instead have rows older than a number of days archived: they then leave the database for files on the service, signed so that any change to them is detected. Archived rows are never deleted, are still checked by "Verify Integrity", and can be downloaded below; they no longer appear in the log viewer.</translation>
        </message>
        <message>
            <source>&amp;Keep every row in the database (default)</source>
            <translation>&amp;Keep every row in the database (default)</translation>
        </message>
        <message>
            <source>&amp;Archive rows older than</source>
            <translation>&amp;Archive rows older than</translation>
        </message>
        <message>
            <source>days</source>
            <translation>days</translation>
        </message>
        <message>
            <source>Archive &amp;files:</source>
            <translation>Archive &amp;files:</translation>
        </message>
        <message>
            <source>&amp;Download…</source>
            <translation>&amp;Download…</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::LoginDialog</name>
        <message>
            <source>Sign in to Engage</source>
            <translation>Sign in to Engage</translation>
        </message>
        <message>
            <source>&lt;p&gt;Sign in to &lt;b&gt;%1&lt;/b&gt; (%2).&lt;/p&gt;</source>
            <translation>&lt;p&gt;Sign in to &lt;b&gt;%1&lt;/b&gt; (%2).&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&amp;Tenant:</source>
            <translation>&amp;Tenant:</translation>
        </message>
        <message>
            <source>your company's ID, e.g. northwind</source>
            <translation>your company's ID, e.g. northwind</translation>
        </message>
        <message>
            <source>&amp;E-mail:</source>
            <translation>&amp;E-mail:</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Password:</translation>
        </message>
        <message>
            <source>Signing in…</source>
            <translation>Signing in…</translation>
        </message>
        <message>
            <source>&amp;Sign in</source>
            <translation>&amp;Sign in</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::LogsPage</name>
        <message>
            <source>Anyone</source>
            <extracomment>The person filter of the log viewer, unset.</extracomment>
            <translation>Anyone</translation>
        </message>
        <message>
            <source>Logs</source>
            <translation>Logs</translation>
        </message>
        <message>
            <source>Access</source>
            <translation>Access</translation>
        </message>
        <message>
            <source>Every request made to the service</source>
            <translation>Every request made to the service</translation>
        </message>
        <message>
            <source>Operations</source>
            <translation>Operations</translation>
        </message>
        <message>
            <source>Every change: who changed what, and which fields</source>
            <translation>Every change: who changed what, and which fields</translation>
        </message>
        <message>
            <source>Errors</source>
            <translation>Errors</translation>
        </message>
        <message>
            <source>Requests the service failed to answer</source>
            <translation>Requests the service failed to answer</translation>
        </message>
        <message>
            <source>&amp;Time:</source>
            <extracomment>Label of the time range filter of the log viewer; "from" and "to" follow.</extracomment>
            <translation>&amp;Time:</translation>
        </message>
        <message>
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <source>to</source>
            <translation>to</translation>
        </message>
        <message>
            <source>Show only rows at or after this time</source>
            <translation>Show only rows at or after this time</translation>
        </message>
        <message>
            <source>Show only rows before this time</source>
            <translation>Show only rows before this time</translation>
        </message>
        <message>
            <source>&amp;Person:</source>
            <translation>&amp;Person:</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>ID</source>
            <translation>ID</translation>
        </message>
        <message>
            <source>Stat&amp;us:</source>
            <translation>Stat&amp;us:</translation>
        </message>
        <message>
            <source>404 or 4xx</source>
            <translation>404 or 4xx</translation>
        </message>
        <message>
            <source>IP a&amp;ddress:</source>
            <translation>IP a&amp;ddress:</translation>
        </message>
        <message>
            <source>Anywhere in the row</source>
            <translation>Anywhere in the row</translation>
        </message>
        <message>
            <source>Show only the rows that match these filters (Enter)</source>
            <translation>Show only the rows that match these filters (Enter)</translation>
        </message>
        <message>
            <source>Show every row again</source>
            <translation>Show every row again</translation>
        </message>
        <message>
            <source>Scroll to the newest row of that day</source>
            <translation>Scroll to the newest row of that day</translation>
        </message>
        <message>
            <source>&amp;Live</source>
            <translation>&amp;Live</translation>
        </message>
        <message>
            <source>Show new rows at the top as they are written</source>
            <translation>Show new rows at the top as they are written</translation>
        </message>
        <message>
            <source>&amp;Copy Row</source>
            <translation>&amp;Copy Row</translation>
        </message>
        <message>
            <source>Copy every field of the selected row as text</source>
            <translation>Copy every field of the selected row as text</translation>
        </message>
        <message>
            <source>&amp;Verify Integrity</source>
            <translation>&amp;Verify Integrity</translation>
        </message>
        <message>
            <source>Check that no row of the access and operation logs was changed, removed or inserted</source>
            <translation>Check that no row of the access and operation logs was changed, removed or inserted</translation>
        </message>
        <message>
            <source>Rel&amp;oad</source>
            <translation>Rel&amp;oad</translation>
        </message>
        <message>
            <source>Count and load the rows again</source>
            <translation>Count and load the rows again</translation>
        </message>
        <message>
            <source>Log rows</source>
            <translation>Log rows</translation>
        </message>
        <message>
            <source>Rows over time: drag across the bars to show only that time</source>
            <translation>Rows over time: drag across the bars to show only that time</translation>
        </message>
        <message>
            <source>member.update or member.*</source>
            <translation>member.update or member.*</translation>
        </message>
        <message>
            <source>GET, POST, …</source>
            <translation>GET, POST, …</translation>
        </message>
        <message>
            <source>This log has no such column</source>
            <translation>This log has no such column</translation>
        </message>
        <message>
            <source>What was changed: member, group, person, …</source>
            <translation>What was changed: member, group, person, …</translation>
        </message>
        <message>
            <source>The ID of what was changed</source>
            <translation>The ID of what was changed</translation>
        </message>
        <message>
            <source>An HTTP status such as 404, or a class such as 4xx</source>
            <translation>An HTTP status such as 404, or a class such as 4xx</translation>
        </message>
        <message>
            <source>The IP address the request came from</source>
            <translation>The IP address the request came from</translation>
        </message>
        <message>
            <source>Only owners and administrators can see the access, operation and error logs.</source>
            <translation>Only owners and administrators can see the access, operation and error logs.</translation>
        </message>
        <message>
            <source>The access, operation and error logs come with the security option, which your organisation does not have. Its owner can add the option to the plan.</source>
            <translation>The access, operation and error logs come with the security option, which your organisation does not have. Its owner can add the option to the plan.</translation>
        </message>
        <message>
            <source>Counting rows…</source>
            <translation>Counting rows…</translation>
        </message>
        <message numerus="yes">
            <source>%Ln row(s)</source>
            <translation>
                <numerusform>%Ln row</numerusform>
                <numerusform>%Ln rows</numerusform>
            </translation>
        </message>
        <message>
            <source>Enter a status such as 404, or a class such as 4xx.</source>
            <translation>Enter a status such as 404, or a class such as 4xx.</translation>
        </message>
        <message>
            <source>Enter an IP address such as 192.0.2.10 or 2001:db8::1.</source>
            <translation>Enter an IP address such as 192.0.2.10 or 2001:db8::1.</translation>
        </message>
        <message>
            <source>The end of the time range must be after its start.</source>
            <translation>The end of the time range must be after its start.</translation>
        </message>
        <message>
            <source>The start of the time range is not a time the logs can hold.</source>
            <translation>The start of the time range is not a time the logs can hold.</translation>
        </message>
        <message>
            <source>Enter an action such as member.update or member.*, or a method such as GET.</source>
            <translation>Enter an action such as member.update or member.*, or a method such as GET.</translation>
        </message>
        <message>
            <source>Enter a target type such as member, and its ID, in plain characters.</source>
            <translation>Enter a target type such as member, and its ID, in plain characters.</translation>
        </message>
        <message>
            <source>Enter the text to look for in plain characters.</source>
            <translation>Enter the text to look for in plain characters.</translation>
        </message>
        <message>
            <source>One of the filters cannot be used. Check them and try again.</source>
            <translation>One of the filters cannot be used. Check them and try again.</translation>
        </message>
        <message>
            <source>The logs are intact: no row was changed, removed or inserted.</source>
            <translation>The logs are intact: no row was changed, removed or inserted.</translation>
        </message>
        <message>
            <source>The logs were tampered with. Tell your security officer, and keep this result.</source>
            <translation>The logs were tampered with. Tell your security officer, and keep this result.</translation>
        </message>
        <message>
            <source>Reload</source>
            <translation>Reload</translation>
        </message>
        <message>
            <source>Actio&amp;n:</source>
            <translation>Actio&amp;n:</translation>
        </message>
        <message>
            <source>Ta&amp;rget:</source>
            <translation>Ta&amp;rget:</translation>
        </message>
        <message>
            <source>Te&amp;xt:</source>
            <translation>Te&amp;xt:</translation>
        </message>
        <message>
            <source>&amp;Jump to date:</source>
            <translation>&amp;Jump to date:</translation>
        </message>
        <message>
            <source>Appl&amp;y Filters</source>
            <translation>Appl&amp;y Filters</translation>
        </message>
        <message>
            <source>Cl&amp;ear</source>
            <translation>Cl&amp;ear</translation>
        </message>
        <message>
            <source>Sho&amp;w</source>
            <translation>Sho&amp;w</translation>
        </message>
        <message>
            <source>Retent&amp;ion…</source>
            <translation>Retent&amp;ion…</translation>
        </message>
        <message>
            <source>Keep every row in the database, or archive old rows into signed files</source>
            <translation>Keep every row in the database, or archive old rows into signed files</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::MainWindow</name>
        <message>
            <source>Engage</source>
            <translation>Engage</translation>
        </message>
        <message>
            <source>%1 — Engage</source>
            <translation>%1 — Engage</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translation>&amp;Go</translation>
        </message>
        <message>
            <source>&amp;Account</source>
            <translation>&amp;Account</translation>
        </message>
        <message>
            <source>Change &amp;password…</source>
            <translation>Change &amp;password…</translation>
        </message>
        <message>
            <source>Sign &amp;out</source>
            <translation>Sign &amp;out</translation>
        </message>
        <message>
            <source>Pages</source>
            <translation>Pages</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>Account</translation>
        </message>
        <message>
            <source>Change your password or sign out</source>
            <translation>Change your password or sign out</translation>
        </message>
        <message>
            <source>Remove offline data</source>
            <translation>Remove offline data</translation>
        </message>
        <message>
            <source>Sign out and remove the offline data of %1 from this computer?</source>
            <translation>Sign out and remove the offline data of %1 from this computer?</translation>
        </message>
        <message>
            <source>The dashboards, members and recent logs saved here for use without a connection are deleted, with their key in the system keychain. They are saved again at the next sign-in.</source>
            <translation>The dashboards, members and recent logs saved here for use without a connection are deleted, with their key in the system keychain. They are saved again at the next sign-in.</translation>
        </message>
        <message>
            <source>Sign Out and Remove</source>
            <translation>Sign Out and Remove</translation>
        </message>
        <message>
            <source>Sign out and &amp;remove offline data…</source>
            <translation>Sign out and &amp;remove offline data…</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::MemberDialog</name>
        <message>
            <source>New Member</source>
            <translation>New Member</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Member</translation>
        </message>
        <message>
            <source>Identification</source>
            <translation>Identification</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Group and surveys</source>
            <translation>Group and surveys</translation>
        </message>
        <message>
            <source>Employment</source>
            <translation>Employment</translation>
        </message>
        <message>
            <source>Attributes</source>
            <translation>Attributes</translation>
        </message>
        <message>
            <source>Memo</source>
            <translation>Memo</translation>
        </message>
        <message>
            <source>Employee &amp;code:</source>
            <translation>Employee &amp;code:</translation>
        </message>
        <message>
            <source>E.g. 100234</source>
            <translation>E.g. 100234</translation>
        </message>
        <message>
            <source>&amp;E-mail:</source>
            <translation>&amp;E-mail:</translation>
        </message>
        <message>
            <source>name@example.com</source>
            <translation>name@example.com</translation>
        </message>
        <message>
            <source>&amp;Family name:</source>
            <extracomment>Family name (surname); shown before the given name, as Japanese names are written.</extracomment>
            <translation>&amp;Family name:</translation>
        </message>
        <message>
            <source>&amp;Given name:</source>
            <translation>&amp;Given name:</translation>
        </message>
        <message>
            <source>G&amp;roup:</source>
            <translation>G&amp;roup:</translation>
        </message>
        <message>
            <source>(Not in a group)</source>
            <translation>(Not in a group)</translation>
        </message>
        <message>
            <source>S&amp;tatus:</source>
            <translation>S&amp;tatus:</translation>
        </message>
        <message>
            <source>&amp;Send surveys to this member</source>
            <translation>&amp;Send surveys to this member</translation>
        </message>
        <message>
            <source>&amp;Hire date:</source>
            <translation>&amp;Hire date:</translation>
        </message>
        <message>
            <source>&amp;Birth date:</source>
            <translation>&amp;Birth date:</translation>
        </message>
        <message>
            <source>Optional. Used only for age bands in results, never shown as a date.</source>
            <translation>Optional. Used only for age bands in results, never shown as a date.</translation>
        </message>
        <message>
            <source>Employment &amp;type:</source>
            <translation>Employment &amp;type:</translation>
        </message>
        <message>
            <source>E.g. full-time, part-time</source>
            <translation>E.g. full-time, part-time</translation>
        </message>
        <message>
            <source>Gra&amp;de:</source>
            <translation>Gra&amp;de:</translation>
        </message>
        <message>
            <source>&amp;Position:</source>
            <translation>&amp;Position:</translation>
        </message>
        <message>
            <source>&amp;Job category:</source>
            <translation>&amp;Job category:</translation>
        </message>
        <message>
            <source>Notes for administrators; members never see them.</source>
            <translation>Notes for administrators; members never see them.</translation>
        </message>
        <message>
            <source>%1:</source>
            <extracomment>The label of a field: the name of one of the company's own member attributes.</extracomment>
            <translation>%1:</translation>
        </message>
        <message>
            <source>(None)</source>
            <translation>(None)</translation>
        </message>
        <message>
            <source>&amp;Add</source>
            <translation>&amp;Add</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>Saving…</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Loading…</translation>
        </message>
        <message numerus="yes">
            <source>Enter a code of up to %n characters without spaces.</source>
            <translation>
                <numerusform>Enter a code of up to %n character without spaces.</numerusform>
                <numerusform>Enter a code of up to %n characters without spaces.</numerusform>
            </translation>
        </message>
        <message>
            <source>Another member has this employee code.</source>
            <translation>Another member has this employee code.</translation>
        </message>
        <message>
            <source>Enter an e-mail address such as name@example.com.</source>
            <translation>Enter an e-mail address such as name@example.com.</translation>
        </message>
        <message>
            <source>Another member has this e-mail.</source>
            <translation>Another member has this e-mail.</translation>
        </message>
        <message>
            <source>Enter an e-mail or an employee code: a member needs at least one of them, to be sent surveys and to be matched by imports.</source>
            <translation>Enter an e-mail or an employee code: a member needs at least one of them, to be sent surveys and to be matched by imports.</translation>
        </message>
        <message numerus="yes">
            <source>Enter a family name of up to %n characters, on one line.</source>
            <translation>
                <numerusform>Enter a family name of up to %n character, on one line.</numerusform>
                <numerusform>Enter a family name of up to %n characters, on one line.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Enter a given name of up to %n characters, on one line.</source>
            <translation>
                <numerusform>Enter a given name of up to %n character, on one line.</numerusform>
                <numerusform>Enter a given name of up to %n characters, on one line.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Each of these takes up to %n characters, on one line.</source>
            <translation>
                <numerusform>Each of these takes up to %n character, on one line.</numerusform>
                <numerusform>Each of these takes up to %n characters, on one line.</numerusform>
            </translation>
        </message>
        <message>
            <source>The birth date must be before the hire date.</source>
            <translation>The birth date must be before the hire date.</translation>
        </message>
        <message numerus="yes">
            <source>A memo takes up to %n characters.</source>
            <translation>
                <numerusform>A memo takes up to %n character.</numerusform>
                <numerusform>A memo takes up to %n characters.</numerusform>
            </translation>
        </message>
        <message>
            <source>Enter a number such as 12 or 3.5.</source>
            <translation>Enter a number such as 12 or 3.5.</translation>
        </message>
        <message numerus="yes">
            <source>Enter up to %n characters, on one line.</source>
            <translation>
                <numerusform>Enter up to %n character, on one line.</numerusform>
                <numerusform>Enter up to %n characters, on one line.</numerusform>
            </translation>
        </message>
        <message>
            <source>Choose one of the values offered.</source>
            <translation>Choose one of the values offered.</translation>
        </message>
        <message>
            <source>Someone else changed or deleted this member since you opened it, so your change was not saved. Load their version to see it (what you typed here is then lost), or cancel.</source>
            <translation>Someone else changed or deleted this member since you opened it, so your change was not saved. Load their version to see it (what you typed here is then lost), or cancel.</translation>
        </message>
        <message>
            <source>Load Their Version</source>
            <translation>Load Their Version</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Language:</translation>
        </message>
        <message>
            <source>The language of the member's survey e-mails and survey page. The page can still be switched to the other language.</source>
            <translation>The language of the member's survey e-mails and survey page. The page can still be switched to the other language.</translation>
        </message>
        <message>
            <source>Company default</source>
            <extracomment>The member's language follows the company's setting.</extracomment>
            <translation>Company default</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::MembersPage</name>
        <message>
            <source>(Any value)</source>
            <translation>(Any value)</translation>
        </message>
        <message>
            <source>YYYY-MM-DD</source>
            <translation>YYYY-MM-DD</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Value</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>Members</translation>
        </message>
        <message>
            <source>&amp;Groups</source>
            <translation>&amp;Groups</translation>
        </message>
        <message>
            <source>Groups</source>
            <translation>Groups</translation>
        </message>
        <message>
            <source>Drag a group onto another one to move it there.</source>
            <translation>Drag a group onto another one to move it there.</translation>
        </message>
        <message>
            <source>Search by name, employee code or e-mail (%1)</source>
            <translation>Search by name, employee code or e-mail (%1)</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Search</translation>
        </message>
        <message>
            <source>S&amp;tatus:</source>
            <translation>S&amp;tatus:</translation>
        </message>
        <message>
            <source>All</source>
            <translation>All</translation>
        </message>
        <message>
            <source>&amp;Attribute:</source>
            <translation>&amp;Attribute:</translation>
        </message>
        <message>
            <source>(Any)</source>
            <translation>(Any)</translation>
        </message>
        <message>
            <source>&amp;New Member…</source>
            <translation>&amp;New Member…</translation>
        </message>
        <message>
            <source>Add a member</source>
            <translation>Add a member</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>&amp;Edit…</translation>
        </message>
        <message>
            <source>Show and edit the selected member (Enter)</source>
            <extracomment>Tooltip of the Edit button: the Enter key also opens the selected member.</extracomment>
            <translation>Show and edit the selected member (Enter)</translation>
        </message>
        <message>
            <source>&amp;Delete…</source>
            <translation>&amp;Delete…</translation>
        </message>
        <message>
            <source>Delete the selected member</source>
            <translation>Delete the selected member</translation>
        </message>
        <message>
            <source>&amp;Import…</source>
            <translation>&amp;Import…</translation>
        </message>
        <message>
            <source>Add and update members from an Excel workbook or a CSV file, after a preview</source>
            <translation>Add and update members from an Excel workbook or a CSV file, after a preview</translation>
        </message>
        <message>
            <source>Rel&amp;oad</source>
            <translation>Rel&amp;oad</translation>
        </message>
        <message>
            <source>Load groups and members again from the service</source>
            <translation>Load groups and members again from the service</translation>
        </message>
        <message>
            <source>New Gro&amp;up…</source>
            <translation>New Gro&amp;up…</translation>
        </message>
        <message>
            <source>Add a group under the selected one</source>
            <translation>Add a group under the selected one</translation>
        </message>
        <message>
            <source>&amp;Rename…</source>
            <translation>&amp;Rename…</translation>
        </message>
        <message>
            <source>Rename the selected group or change its code</source>
            <translation>Rename the selected group or change its code</translation>
        </message>
        <message>
            <source>Delete Grou&amp;p…</source>
            <translation>Delete Grou&amp;p…</translation>
        </message>
        <message>
            <source>Delete the selected group, once it has no members or subgroups</source>
            <translation>Delete the selected group, once it has no members or subgroups</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Loading…</translation>
        </message>
        <message numerus="yes">
            <source>%Ln members</source>
            <translation>
                <numerusform>%Ln member</numerusform>
                <numerusform>%Ln members</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 was saved.</source>
            <translation>%1 was saved.</translation>
        </message>
        <message>
            <source>Delete Member</source>
            <translation>Delete Member</translation>
        </message>
        <message>
            <source>Delete %1?</source>
            <translation>Delete %1?</translation>
        </message>
        <message>
            <source>The member no longer receives surveys and leaves the list. Their answers stay in the results until the retention period ends. If they only left the company, set their status to Left instead.</source>
            <translation>The member no longer receives surveys and leaves the list. Their answers stay in the results until the retention period ends. If they only left the company, set their status to Left instead.</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Delete</translation>
        </message>
        <message>
            <source>%1 still has members or subgroups. Move them to another group first; a group is deleted only when it is empty.</source>
            <translation>%1 still has members or subgroups. Move them to another group first; a group is deleted only when it is empty.</translation>
        </message>
        <message>
            <source>Delete Group</source>
            <translation>Delete Group</translation>
        </message>
        <message>
            <source>Delete the group %1?</source>
            <translation>Delete the group %1?</translation>
        </message>
        <message>
            <source>The group leaves the tree. Past survey results keep it under its old name.</source>
            <translation>The group leaves the tree. Past survey results keep it under its old name.</translation>
        </message>
        <message>
            <source>Move %1 to the top level?</source>
            <translation>Move %1 to the top level?</translation>
        </message>
        <message>
            <source>Move %1 into %2?</source>
            <translation>Move %1 into %2?</translation>
        </message>
        <message>
            <source>Move Group</source>
            <translation>Move Group</translation>
        </message>
        <message>
            <source>Its subgroups and members move with it. Results of past surveys stay with the group wherever it is.</source>
            <translation>Its subgroups and members move with it. Results of past surveys stay with the group wherever it is.</translation>
        </message>
        <message>
            <source>&amp;Move</source>
            <translation>&amp;Move</translation>
        </message>
        <message>
            <source>%1 could not be deleted: it still has members (also members who left) or subgroups.</source>
            <translation>%1 could not be deleted: it still has members (also members who left) or subgroups.</translation>
        </message>
        <message>
            <source>%1 cannot move into one of its own subgroups.</source>
            <translation>%1 cannot move into one of its own subgroups.</translation>
        </message>
        <message>
            <source>Someone else changed this since the list was loaded, so your change was not made. Reload to see their change, then try again.</source>
            <translation>Someone else changed this since the list was loaded, so your change was not made. Reload to see their change, then try again.</translation>
        </message>
        <message>
            <source>Reload</source>
            <translation>Reload</translation>
        </message>
        <message>
            <source>Group: %1</source>
            <translation>Group: %1</translation>
        </message>
        <message>
            <source>Search: %1</source>
            <translation>Search: %1</translation>
        </message>
        <message>
            <source>Status: %1</source>
            <translation>Status: %1</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <extracomment>An attribute filter on the export's cover: the attribute's name (%1), its value (%2).</extracomment>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>; </source>
            <extracomment>Separates the filters on the export's cover.</extracomment>
            <translation>; </translation>
        </message>
    </context>
    <context>
        <name>engage::ui::MemoDialog</name>
        <message>
            <source>Write what happened, in a few words.</source>
            <translation>Write what happened, in a few words.</translation>
        </message>
        <message numerus="yes">
            <source>A memo has at most %n characters; shorten it by %1.</source>
            <translation>
                <numerusform>A memo has at most %n character; shorten it by %1.</numerusform>
                <numerusform>A memo has at most %n characters; shorten it by %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>The memo holds characters it cannot show, such as a text-direction mark.</source>
            <translation>The memo holds characters it cannot show, such as a text-direction mark.</translation>
        </message>
        <message>
            <source>%1 / %2</source>
            <extracomment>Characters used out of those allowed: "12 / 140".</extracomment>
            <translation>%1 / %2</translation>
        </message>
        <message>
            <source>New Memo</source>
            <translation>New Memo</translation>
        </message>
        <message>
            <source>Memo</source>
            <translation>Memo</translation>
        </message>
        <message>
            <source>Edit Memo</source>
            <translation>Edit Memo</translation>
        </message>
        <message>
            <source>A memo marks an event on the trend, such as a reorganisation or a new policy, so that whoever reads the dashboard knows why a line moved.</source>
            <translation>A memo marks an event on the trend, such as a reorganisation or a new policy, so that whoever reads the dashboard knows why a line moved.</translation>
        </message>
        <message>
            <source>&amp;Date:</source>
            <translation>&amp;Date:</translation>
        </message>
        <message>
            <source>&amp;Text:</source>
            <translation>&amp;Text:</translation>
        </message>
        <message numerus="yes">
            <source>What happened, in up to %n characters</source>
            <translation>
                <numerusform>What happened, in up to %n character</numerusform>
                <numerusform>What happened, in up to %n characters</numerusform>
            </translation>
        </message>
        <message>
            <source>Share with &amp;everyone who reads the dashboard</source>
            <translation>Share with &amp;everyone who reads the dashboard</translation>
        </message>
        <message>
            <source>Unticked, only you see this memo.</source>
            <translation>Unticked, only you see this memo.</translation>
        </message>
        <message>
            <source>Written by %1. Only its author can change it.</source>
            <translation>Written by %1. Only its author can change it.</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>De&amp;lete…</source>
            <translation>De&amp;lete…</translation>
        </message>
        <message>
            <source>Characters used</source>
            <translation>Characters used</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::MessageBanner</name>
        <message>
            <source>Close this message</source>
            <translation>Close this message</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::OfflineBanner</name>
        <message>
            <source>Offline — as of %1. The service cannot be reached; you are seeing the data saved on this computer when it was last read.</source>
            <translation>Offline — as of %1. The service cannot be reached; you are seeing the data saved on this computer when it was last read.</translation>
        </message>
        <message>
            <source>&amp;Retry</source>
            <translation>&amp;Retry</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::PasswordChangeDialog</name>
        <message numerus="yes">
            <source>The new password needs at least %n characters.</source>
            <translation>
                <numerusform>The new password needs at least %n character.</numerusform>
                <numerusform>The new password needs at least %n characters.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The new password may have at most %n characters.</source>
            <translation>
                <numerusform>The new password may have at most %n character.</numerusform>
                <numerusform>The new password may have at most %n characters.</numerusform>
            </translation>
        </message>
        <message>
            <source>The new password must differ from the current one.</source>
            <translation>The new password must differ from the current one.</translation>
        </message>
        <message>
            <source>The two new passwords are not the same.</source>
            <translation>The two new passwords are not the same.</translation>
        </message>
        <message numerus="yes">
            <source>At least %n characters.</source>
            <translation>
                <numerusform>At least %n character.</numerusform>
                <numerusform>At least %n characters.</numerusform>
            </translation>
        </message>
        <message>
            <source>Change your password</source>
            <translation>Change your password</translation>
        </message>
        <message>
            <source>&lt;p&gt;You signed in with a password that was generated for you. Choose a password of your own to continue.&lt;/p&gt;</source>
            <translation>&lt;p&gt;You signed in with a password that was generated for you. Choose a password of your own to continue.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;Choose a new password for your account.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Choose a new password for your account.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>C&amp;urrent password:</source>
            <translation>C&amp;urrent password:</translation>
        </message>
        <message>
            <source>&amp;New password:</source>
            <translation>&amp;New password:</translation>
        </message>
        <message>
            <source>&amp;Repeat new password:</source>
            <translation>&amp;Repeat new password:</translation>
        </message>
        <message>
            <source>&amp;Change password</source>
            <translation>&amp;Change password</translation>
        </message>
        <message>
            <source>Sign &amp;out</source>
            <translation>Sign &amp;out</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::PeoplePage</name>
        <message>
            <source>People</source>
            <translation>People</translation>
        </message>
        <message>
            <source>Only owners and administrators can see and manage people.</source>
            <translation>Only owners and administrators can see and manage people.</translation>
        </message>
        <message>
            <source>&amp;Search:</source>
            <translation>&amp;Search:</translation>
        </message>
        <message>
            <source>Name or e-mail</source>
            <translation>Name or e-mail</translation>
        </message>
        <message>
            <source>Show only the people whose name or e-mail contains this text (%1)</source>
            <translation>Show only the people whose name or e-mail contains this text (%1)</translation>
        </message>
        <message>
            <source>&amp;Add…</source>
            <translation>&amp;Add…</translation>
        </message>
        <message>
            <source>Add a person with a first password shown once</source>
            <translation>Add a person with a first password shown once</translation>
        </message>
        <message>
            <source>Change &amp;Role</source>
            <translation>Change &amp;Role</translation>
        </message>
        <message>
            <source>Change the selected person's role</source>
            <translation>Change the selected person's role</translation>
        </message>
        <message>
            <source>De&amp;lete…</source>
            <translation>De&amp;lete…</translation>
        </message>
        <message>
            <source>Delete the selected person for good</source>
            <translation>Delete the selected person for good</translation>
        </message>
        <message>
            <source>Rel&amp;oad</source>
            <translation>Rel&amp;oad</translation>
        </message>
        <message>
            <source>Load the list again from the service</source>
            <translation>Load the list again from the service</translation>
        </message>
        <message>
            <source>Reac&amp;tivate</source>
            <translation>Reac&amp;tivate</translation>
        </message>
        <message>
            <source>Let the selected person sign in again</source>
            <translation>Let the selected person sign in again</translation>
        </message>
        <message>
            <source>&amp;Deactivate</source>
            <translation>&amp;Deactivate</translation>
        </message>
        <message>
            <source>Stop the selected person from signing in, keeping their history</source>
            <translation>Stop the selected person from signing in, keeping their history</translation>
        </message>
        <message>
            <source>You cannot change your own role, deactivate or delete yourself.</source>
            <translation>You cannot change your own role, deactivate or delete yourself.</translation>
        </message>
        <message>
            <source>Only an owner can change or delete an owner.</source>
            <translation>Only an owner can change or delete an owner.</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Loading…</translation>
        </message>
        <message numerus="yes">
            <source>%n people</source>
            <translation>
                <numerusform>%n person</numerusform>
                <numerusform>%n people</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 of %n people</source>
            <extracomment>%1 people match the search, out of %n in all.</extracomment>
            <translation>
                <numerusform>%1 of %n person</numerusform>
                <numerusform>%1 of %n people</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete Person</source>
            <translation>Delete Person</translation>
        </message>
        <message>
            <source>Delete %1?</source>
            <translation>Delete %1?</translation>
        </message>
        <message>
            <source>They can no longer sign in, and this cannot be undone. What they did stays in the logs. To only stop them signing in, deactivate them instead.</source>
            <translation>They can no longer sign in, and this cannot be undone. What they did stays in the logs. To only stop them signing in, deactivate them instead.</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Delete</translation>
        </message>
        <message>
            <source>Someone else changed %1 since this list was loaded, so your change was not made. Reload to see their change, then try again.</source>
            <translation>Someone else changed %1 since this list was loaded, so your change was not made. Reload to see their change, then try again.</translation>
        </message>
        <message>
            <source>Someone else changed this person since this list was loaded, so your change was not made. Reload to see their change, then try again.</source>
            <translation>Someone else changed this person since this list was loaded, so your change was not made. Reload to see their change, then try again.</translation>
        </message>
        <message>
            <source>Reload</source>
            <translation>Reload</translation>
        </message>
        <message>
            <source>&amp;Groups…</source>
            <translation>&amp;Groups…</translation>
        </message>
        <message>
            <source>Choose the groups whose members and results the selected manager sees</source>
            <translation>Choose the groups whose members and results the selected manager sees</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::PriorityChart</name>
        <message>
            <source>Score</source>
            <extracomment>The horizontal axis of the priority chart.</extracomment>
            <translation>Score</translation>
        </message>
        <message>
            <source>Impact (correlation with engagement)</source>
            <extracomment>The vertical axis of the priority chart: how strongly a factor's score goes with engagement across respondents.</extracomment>
            <translation>Impact (correlation with engagement)</translation>
        </message>
        <message>
            <source>%1: score %2, impact %3 (%4)</source>
            <translation>%1: score %2, impact %3 (%4)</translation>
        </message>
        <message>
            <source>Not placed, score or impact withheld: %1</source>
            <extracomment>Below the priority chart: %1 the factors (a list) whose score or impact is withheld.</extracomment>
            <translation>Not placed, score or impact withheld: %1</translation>
        </message>
        <message>
            <source>No factor can be placed for this selection.</source>
            <translation>No factor can be placed for this selection.</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::QuestionEditor</name>
        <message>
            <source>Choose a question in the list to edit it, or add one.</source>
            <translation>Choose a question in the list to edit it, or add one.</translation>
        </message>
        <message>
            <source>&amp;Type:</source>
            <translation>&amp;Type:</translation>
        </message>
        <message>
            <source>Requ&amp;ired</source>
            <translation>Requ&amp;ired</translation>
        </message>
        <message>
            <source>Respondents must answer this question before they can submit.</source>
            <translation>Respondents must answer this question before they can submit.</translation>
        </message>
        <message>
            <source>Question in &amp;Japanese</source>
            <translation>Question in &amp;Japanese</translation>
        </message>
        <message>
            <source>Question in E&amp;nglish</source>
            <translation>Question in E&amp;nglish</translation>
        </message>
        <message>
            <source>Choices</source>
            <translation>Choices</translation>
        </message>
        <message>
            <source>Japanese</source>
            <translation>Japanese</translation>
        </message>
        <message>
            <source>English</source>
            <translation>English</translation>
        </message>
        <message>
            <source>&amp;Add Choice</source>
            <translation>&amp;Add Choice</translation>
        </message>
        <message>
            <source>Remo&amp;ve Choice</source>
            <translation>Remo&amp;ve Choice</translation>
        </message>
        <message>
            <source>Move C&amp;hoice Up</source>
            <translation>Move C&amp;hoice Up</translation>
        </message>
        <message>
            <source>Move Ch&amp;oice Down</source>
            <translation>Move Ch&amp;oice Down</translation>
        </message>
        <message>
            <source>⚠ No Japanese text yet: the survey cannot be published without it.</source>
            <translation>⚠ No Japanese text yet: the survey cannot be published without it.</translation>
        </message>
        <message>
            <source>⚠ No English text yet: the survey cannot be published without it.</source>
            <translation>⚠ No English text yet: the survey cannot be published without it.</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::RequestIdField</name>
        <message>
            <source>Request ID:</source>
            <translation>Request ID:</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Copy</translation>
        </message>
        <message>
            <source>Copy the request ID to the clipboard, to quote it to support</source>
            <translation>Copy the request ID to the clipboard, to quote it to support</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::RoleDelegate</name>
        <message>
            <source>Role</source>
            <translation>Role</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::RoundView</name>
        <message>
            <source>Reload</source>
            <translation>Reload</translation>
        </message>
        <message>
            <source>The round is closed: these are its final figures.</source>
            <translation>The round is closed: these are its final figures.</translation>
        </message>
        <message numerus="yes">
            <source>Updated %1, again every %n second(s) while shown.</source>
            <extracomment>%1 the time the figures were read, %2 the seconds between two reads.</extracomment>
            <translation>
                <numerusform>Updated %1, again every %n second while shown.</numerusform>
                <numerusform>Updated %1, again every %n seconds while shown.</numerusform>
            </translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>the members of “%1” and the groups below it</source>
            <translation>the members of “%1” and the groups below it</translation>
        </message>
        <message>
            <source>the members of “%1”</source>
            <translation>the members of “%1”</translation>
        </message>
        <message>
            <source>Everyone among %1 has answered: nobody to remind.</source>
            <translation>Everyone among %1 has answered: nobody to remind.</translation>
        </message>
        <message>
            <source>Remind Now</source>
            <translation>Remind Now</translation>
        </message>
        <message numerus="yes">
            <source>Send a reminder now to the %n member(s) who have not answered yet, among %1?</source>
            <translation>
                <numerusform>Send a reminder now to the %n member who has not answered yet, among %1?</numerusform>
                <numerusform>Send a reminder now to the %n members who have not answered yet, among %1?</numerusform>
            </translation>
        </message>
        <message>
            <source>Send a reminder now to those who have not answered yet, among %1?</source>
            <translation>Send a reminder now to those who have not answered yet, among %1?</translation>
        </message>
        <message>
            <source>Too few members were asked in this group to say how many: the number would tell who answered.</source>
            <translation>Too few members were asked in this group to say how many: the number would tell who answered.</translation>
        </message>
        <message>
            <source>It goes out within a minute: by e-mail, or on the next printed sheet for members without an address.</source>
            <translation>It goes out within a minute: by e-mail, or on the next printed sheet for members without an address.</translation>
        </message>
        <message>
            <source>&amp;Remind</source>
            <translation>&amp;Remind</translation>
        </message>
        <message>
            <source>The reminder is on its way to those who have not answered yet, among %1.</source>
            <translation>The reminder is on its way to those who have not answered yet, among %1.</translation>
        </message>
        <message numerus="yes">
            <source>%n reminder(s) on the way to those who have not answered yet, among %1.</source>
            <translation>
                <numerusform>%n reminder on the way to those who have not answered yet, among %1.</numerusform>
                <numerusform>%n reminders on the way to those who have not answered yet, among %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>The round has closed meanwhile, so nobody was reminded.</source>
            <translation>The round has closed meanwhile, so nobody was reminded.</translation>
        </message>
        <message>
            <source>This group has been removed meanwhile, so nobody was reminded. Reload to see the groups as they are.</source>
            <translation>This group has been removed meanwhile, so nobody was reminded. Reload to see the groups as they are.</translation>
        </message>
        <message>
            <source>Answers by group</source>
            <translation>Answers by group</translation>
        </message>
        <message>
            <source>Delivery log</source>
            <translation>Delivery log</translation>
        </message>
        <message>
            <source>Sho&amp;w:</source>
            <translation>Sho&amp;w:</translation>
        </message>
        <message>
            <source>Everything</source>
            <translation>Everything</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>Waiting</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>Sent</translation>
        </message>
        <message>
            <source>Refused</source>
            <extracomment>Deliveries the mail server refused.</extracomment>
            <translation>Refused</translation>
        </message>
        <message>
            <source>On paper</source>
            <translation>On paper</translation>
        </message>
        <message>
            <source>Re&amp;mind Now…</source>
            <translation>Re&amp;mind Now…</translation>
        </message>
        <message>
            <source>Send a reminder now to those in the selected group who have not answered yet</source>
            <translation>Send a reminder now to those in the selected group who have not answered yet</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::SettingsPage</name>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>Connection Profiles</source>
            <translation>Connection Profiles</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Service address</source>
            <translation>Service address</translation>
        </message>
        <message>
            <source>Certificate</source>
            <translation>Certificate</translation>
        </message>
        <message>
            <source>&amp;Switch To</source>
            <translation>&amp;Switch To</translation>
        </message>
        <message>
            <source>Sign out and connect to the selected service</source>
            <translation>Sign out and connect to the selected service</translation>
        </message>
        <message>
            <source>&amp;Remove…</source>
            <translation>&amp;Remove…</translation>
        </message>
        <message>
            <source>Forget the selected service, its pinned certificate and its remembered sign-in</source>
            <translation>Forget the selected service, its pinned certificate and its remembered sign-in</translation>
        </message>
        <message>
            <source>Try the &amp;Demo</source>
            <translation>Try the &amp;Demo</translation>
        </message>
        <message>
            <source>Start a demo service on this computer and sign in to it</source>
            <translation>Start a demo service on this computer and sign in to it</translation>
        </message>
        <message>
            <source>Add a service</source>
            <translation>Add a service</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>e.g. Head office</source>
            <translation>e.g. Head office</translation>
        </message>
        <message>
            <source>A&amp;ddress:</source>
            <translation>A&amp;ddress:</translation>
        </message>
        <message>
            <source>https://engage.example.com</source>
            <translation>https://engage.example.com</translation>
        </message>
        <message>
            <source>&amp;Add</source>
            <translation>&amp;Add</translation>
        </message>
        <message>
            <source>About Engage</source>
            <translation>About Engage</translation>
        </message>
        <message>
            <source>Engage version:</source>
            <translation>Engage version:</translation>
        </message>
        <message>
            <source>Qt version:</source>
            <translation>Qt version:</translation>
        </message>
        <message>
            <source>TLS library:</source>
            <translation>TLS library:</translation>
        </message>
        <message>
            <source>Keychain library:</source>
            <translation>Keychain library:</translation>
        </message>
        <message>
            <source>Licence:</source>
            <translation>Licence:</translation>
        </message>
        <message>
            <source>MIT License</source>
            <translation>MIT License</translation>
        </message>
        <message>
            <source>This language cannot be shown: its translation is missing from this installation.</source>
            <translation>This language cannot be shown: its translation is missing from this installation.</translation>
        </message>
        <message>
            <source>%1 (in use)</source>
            <extracomment>The connection profile (%1) the client is connected with now. The connection profile (%1) the client is connected with now.</extracomment>
            <translation>%1 (in use)</translation>
        </message>
        <message>
            <source>Pinned certificate, SHA-256 fingerprint %1</source>
            <translation>Pinned certificate, SHA-256 fingerprint %1</translation>
        </message>
        <message>
            <source>Pinned when the demo starts</source>
            <translation>Pinned when the demo starts</translation>
        </message>
        <message>
            <source>Vouched for by a public authority</source>
            <translation>Vouched for by a public authority</translation>
        </message>
        <message>
            <source>Remove Profile</source>
            <translation>Remove Profile</translation>
        </message>
        <message>
            <source>Remove the profile %1?</source>
            <translation>Remove the profile %1?</translation>
        </message>
        <message>
            <source>Its pinned certificate and its remembered sign-in are forgotten. The service itself is not affected.</source>
            <translation>Its pinned certificate and its remembered sign-in are forgotten. The service itself is not affected.</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>&amp;Remove</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::Skeleton</name>
        <message>
            <source>Loading</source>
            <translation>Loading</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::SurveyBuilder</name>
        <message>
            <source>%1. %2</source>
            <extracomment>A question in the builder's list: its number (%1) and its text (%2).</extracomment>
            <translation>%1. %2</translation>
        </message>
        <message>
            <source>Unsaved Changes</source>
            <translation>Unsaved Changes</translation>
        </message>
        <message>
            <source>Your latest changes to this survey are not saved.</source>
            <translation>Your latest changes to this survey are not saved.</translation>
        </message>
        <message>
            <source>Correct what the window points out, or solve the conflict, so that they can be saved. Closing now throws them away.</source>
            <translation>Correct what the window points out, or solve the conflict, so that they can be saved. Closing now throws them away.</translation>
        </message>
        <message>
            <source>&amp;Discard Changes</source>
            <translation>&amp;Discard Changes</translation>
        </message>
        <message>
            <source>%1 — Survey Builder</source>
            <translation>%1 — Survey Builder</translation>
        </message>
        <message>
            <source>%1 — Survey (read-only)</source>
            <translation>%1 — Survey (read-only)</translation>
        </message>
        <message>
            <source>Na&amp;me in Japanese:</source>
            <translation>Na&amp;me in Japanese:</translation>
        </message>
        <message>
            <source>Name in Eng&amp;lish:</source>
            <translation>Name in Eng&amp;lish:</translation>
        </message>
        <message>
            <source>&amp;Questions</source>
            <translation>&amp;Questions</translation>
        </message>
        <message>
            <source>&amp;Delivery</source>
            <translation>&amp;Delivery</translation>
        </message>
        <message>
            <source>An engagement pulse asks the questions of the engagement bank: all %1 in its first round, then a rotating part of them, so that every question is asked again within twelve weeks. The preview shows the first round.</source>
            <translation>An engagement pulse asks the questions of the engagement bank: all %1 in its first round, then a rotating part of them, so that every question is asked again within twelve weeks. The preview shows the first round.</translation>
        </message>
        <message>
            <source>Preview in Japanese</source>
            <translation>Preview in Japanese</translation>
        </message>
        <message>
            <source>Preview in English</source>
            <translation>Preview in English</translation>
        </message>
        <message>
            <source>Questions</source>
            <translation>Questions</translation>
        </message>
        <message>
            <source>Drag a question to move it, or use Alt+Up and Alt+Down. A warning sign marks a question missing a translation.</source>
            <translation>Drag a question to move it, or use Alt+Up and Alt+Down. A warning sign marks a question missing a translation.</translation>
        </message>
        <message>
            <source>Add &amp;Custom Question</source>
            <translation>Add &amp;Custom Question</translation>
        </message>
        <message>
            <source>Add from &amp;Bank…</source>
            <translation>Add from &amp;Bank…</translation>
        </message>
        <message>
            <source>Add questions from the engagement question bank</source>
            <translation>Add questions from the engagement question bank</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>&amp;Remove</translation>
        </message>
        <message>
            <source>Remove the selected question (Delete)</source>
            <translation>Remove the selected question (Delete)</translation>
        </message>
        <message>
            <source>Move &amp;Up</source>
            <translation>Move &amp;Up</translation>
        </message>
        <message>
            <source>Move the selected question up</source>
            <translation>Move the selected question up</translation>
        </message>
        <message>
            <source>Move Do&amp;wn</source>
            <translation>Move Do&amp;wn</translation>
        </message>
        <message>
            <source>Move the selected question down</source>
            <translation>Move the selected question down</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>Undo</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>Redo</translation>
        </message>
        <message>
            <source>Undo the last change</source>
            <translation>Undo the last change</translation>
        </message>
        <message>
            <source>Redo the change undone last</source>
            <translation>Redo the change undone last</translation>
        </message>
        <message>
            <source>&amp;Publish…</source>
            <translation>&amp;Publish…</translation>
        </message>
        <message>
            <source>Publish the survey, after a summary</source>
            <translation>Publish the survey, after a summary</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>All changes saved.</source>
            <translation>All changes saved.</translation>
        </message>
        <message>
            <source>Published surveys cannot be changed.</source>
            <translation>Published surveys cannot be changed.</translation>
        </message>
        <message>
            <source>Unsaved changes…</source>
            <translation>Unsaved changes…</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>Saving…</translation>
        </message>
        <message>
            <source>Not saved: someone else changed this draft.</source>
            <translation>Not saved: someone else changed this draft.</translation>
        </message>
        <message>
            <source>Not saved.</source>
            <translation>Not saved.</translation>
        </message>
        <message>
            <source>Not saved: correct the problem shown.</source>
            <translation>Not saved: correct the problem shown.</translation>
        </message>
        <message>
            <source>This draft was changed or deleted elsewhere and cannot be read now. Your text stays in this window: copy what you need before you close it.</source>
            <translation>This draft was changed or deleted elsewhere and cannot be read now. Your text stays in this window: copy what you need before you close it.</translation>
        </message>
        <message>
            <source>Draft Changed Elsewhere</source>
            <translation>Draft Changed Elsewhere</translation>
        </message>
        <message>
            <source>Someone else saved this survey while you were editing it, so your latest changes are not saved yet.</source>
            <translation>Someone else saved this survey while you were editing it, so your latest changes are not saved yet.</translation>
        </message>
        <message>
            <source>Take their version to continue from it (Undo brings yours back), or keep yours and overwrite theirs.</source>
            <translation>Take their version to continue from it (Undo brings yours back), or keep yours and overwrite theirs.</translation>
        </message>
        <message>
            <source>It has been published since, so it can no longer be changed. Take the published version; Undo shows your text again to copy from.</source>
            <translation>It has been published since, so it can no longer be changed. Take the published version; Undo shows your text again to copy from.</translation>
        </message>
        <message>
            <source>&amp;Take Their Version</source>
            <translation>&amp;Take Their Version</translation>
        </message>
        <message>
            <source>&amp;Keep Mine and Overwrite</source>
            <translation>&amp;Keep Mine and Overwrite</translation>
        </message>
        <message>
            <source>Decide &amp;Later</source>
            <translation>Decide &amp;Later</translation>
        </message>
        <message>
            <source>You now see the version saved by someone else. Undo (Ctrl+Z) brings your own back.</source>
            <translation>You now see the version saved by someone else. Undo (Ctrl+Z) brings your own back.</translation>
        </message>
        <message>
            <source>Your changes are not saved: someone else changed this draft.</source>
            <translation>Your changes are not saved: someone else changed this draft.</translation>
        </message>
        <message>
            <source>Resolve…</source>
            <translation>Resolve…</translation>
        </message>
        <message>
            <source>Ready to publish.</source>
            <translation>Ready to publish.</translation>
        </message>
        <message>
            <source>Not ready to publish: %1 &lt;a href="#show"&gt;Show&lt;/a&gt;</source>
            <extracomment>%1: what stops publishing; a link then shows the field it concerns.</extracomment>
            <translation>Not ready to publish: %1 &lt;a href="#show"&gt;Show&lt;/a&gt;</translation>
        </message>
        <message numerus="yes">
            <source>Add %n question(s) from the bank</source>
            <translation>
                <numerusform>Add %n question from the bank</numerusform>
                <numerusform>Add %n questions from the bank</numerusform>
            </translation>
        </message>
        <message>
            <source>Send Te&amp;st to Myself</source>
            <translation>Send Te&amp;st to Myself</translation>
        </message>
        <message>
            <source>Mail yourself this survey's invitation, in the language of this window: its link opens a preview that records nothing</source>
            <translation>Mail yourself this survey's invitation, in the language of this window: its link opens a preview that records nothing</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::SurveyPreview</name>
        <message>
            <source>Japanese text missing</source>
            <translation>Japanese text missing</translation>
        </message>
        <message>
            <source>English text missing</source>
            <translation>English text missing</translation>
        </message>
        <message>
            <source>No questions yet: add one from the bank or write your own.</source>
            <translation>No questions yet: add one from the bank or write your own.</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::SurveyResultsView</name>
        <message>
            <source>Loading the results…</source>
            <translation>Loading the results…</translation>
        </message>
        <message>
            <source>Reload</source>
            <translation>Reload</translation>
        </message>
        <message>
            <source>open, results so far</source>
            <translation>open, results so far</translation>
        </message>
        <message>
            <source>closed</source>
            <translation>closed</translation>
        </message>
        <message>
            <source>%1 — round %2 (%3)</source>
            <extracomment>The results' title: %1 the survey's name, %2 the round's number, %3 its status.</extracomment>
            <translation>%1 — round %2 (%3)</translation>
        </message>
        <message>
            <source>&amp;Group:</source>
            <extracomment>Label of the group picker above a survey's results.</extracomment>
            <translation>&amp;Group:</translation>
        </message>
        <message>
            <source>Whole company</source>
            <translation>Whole company</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::SurveySummary</name>
        <message>
            <source>on the last day</source>
            <translation>on the last day</translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) before the end</source>
            <translation>
                <numerusform>%n day before the end</numerusform>
                <numerusform>%n days before the end</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Questions from the engagement bank: all %1 in the first round, then %n per round, rotating.</source>
            <translation>
                <numerusform>Questions from the engagement bank: all %1 in the first round, then %n per round, rotating.</numerusform>
                <numerusform>Questions from the engagement bank: all %1 in the first round, then %n per round, rotating.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n question(s)</source>
            <translation>
                <numerusform>%n question</numerusform>
                <numerusform>%n questions</numerusform>
            </translation>
        </message>
        <message>
            <source>First delivery: not chosen yet</source>
            <translation>First delivery: not chosen yet</translation>
        </message>
        <message>
            <source>First delivery: %1</source>
            <translation>First delivery: %1</translation>
        </message>
        <message>
            <source>Answers until: %1</source>
            <translation>Answers until: %1</translation>
        </message>
        <message numerus="yes">
            <source>Response period: %n day(s)</source>
            <translation>
                <numerusform>Response period: %n day</numerusform>
                <numerusform>Response period: %n days</numerusform>
            </translation>
        </message>
        <message>
            <source>Repeats: %1</source>
            <translation>Repeats: %1</translation>
        </message>
        <message>
            <source>Reminders: none</source>
            <translation>Reminders: none</translation>
        </message>
        <message>
            <source>Reminders: %1, at %2</source>
            <extracomment>%1: when the reminders go ("2 days before the end, on the last day"); %2: the time.</extracomment>
            <translation>Reminders: %1, at %2</translation>
        </message>
        <message>
            <source>Times are set in the time zone %1.</source>
            <extracomment>%1: the time zone the delivery times are in (an IANA id such as Asia/Tokyo).</extracomment>
            <translation>Times are set in the time zone %1.</translation>
        </message>
        <message>
            <source>All members</source>
            <translation>All members</translation>
        </message>
        <message>
            <source>a group that no longer exists</source>
            <translation>a group that no longer exists</translation>
        </message>
        <message>
            <source>Members of %1</source>
            <translation>Members of %1</translation>
        </message>
        <message numerus="yes">
            <source>narrowed by %n attribute(s)</source>
            <translation>
                <numerusform>narrowed by %n attribute</numerusform>
                <numerusform>narrowed by %n attributes</numerusform>
            </translation>
        </message>
        <message>
            <source>Japanese name: %1</source>
            <translation>Japanese name: %1</translation>
        </message>
        <message>
            <source>English name: %1</source>
            <translation>English name: %1</translation>
        </message>
        <message>
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
        <message numerus="yes">
            <source>Open round: %1 of %Ln member(s) answered so far.</source>
            <translation>
                <numerusform>Open round: %1 of %Ln member answered so far.</numerusform>
                <numerusform>Open round: %1 of %Ln members answered so far.</numerusform>
            </translation>
        </message>
        <message>
            <source>Next delivery: %1</source>
            <translation>Next delivery: %1</translation>
        </message>
        <message>
            <source>Delivery</source>
            <translation>Delivery</translation>
        </message>
        <message>
            <source>Targets: %1</source>
            <translation>Targets: %1</translation>
        </message>
        <message>
            <source>Round %1: %2 – %3</source>
            <translation>Round %1: %2 – %3</translation>
        </message>
        <message>
            <source>Upcoming rounds</source>
            <translation>Upcoming rounds</translation>
        </message>
        <message numerus="yes">
            <source>%n member(s) would be asked if the round opened today.</source>
            <translation>
                <numerusform>%n member would be asked if the round opened today.</numerusform>
                <numerusform>%n members would be asked if the round opened today.</numerusform>
            </translation>
        </message>
        <message>
            <source>Once published, the questions and the delivery settings can no longer be changed. An open round can still be extended or closed early.</source>
            <translation>Once published, the questions and the delivery settings can no longer be changed. An open round can still be extended or closed early.</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::SurveysPage</name>
        <message>
            <source>The draft was deleted.</source>
            <translation>The draft was deleted.</translation>
        </message>
        <message>
            <source>Surveys</source>
            <translation>Surveys</translation>
        </message>
        <message>
            <source>Engagement pulses and your own surveys. A new survey starts as a draft that saves itself as you edit it; once published it goes out on its schedule.</source>
            <translation>Engagement pulses and your own surveys. A new survey starts as a draft that saves itself as you edit it; once published it goes out on its schedule.</translation>
        </message>
        <message>
            <source>New &amp;Pulse</source>
            <translation>New &amp;Pulse</translation>
        </message>
        <message>
            <source>Create an engagement pulse from the question bank</source>
            <translation>Create an engagement pulse from the question bank</translation>
        </message>
        <message>
            <source>New &amp;Custom Survey</source>
            <translation>New &amp;Custom Survey</translation>
        </message>
        <message>
            <source>Create a survey with questions of your own</source>
            <translation>Create a survey with questions of your own</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>&amp;Edit…</translation>
        </message>
        <message>
            <source>Open the selected survey in the builder (read-only once published)</source>
            <translation>Open the selected survey in the builder (read-only once published)</translation>
        </message>
        <message>
            <source>P&amp;ublish…</source>
            <translation>P&amp;ublish…</translation>
        </message>
        <message>
            <source>Publish the selected draft, after a summary</source>
            <translation>Publish the selected draft, after a summary</translation>
        </message>
        <message>
            <source>C&amp;lose Round…</source>
            <translation>C&amp;lose Round…</translation>
        </message>
        <message>
            <source>End the open round now</source>
            <translation>End the open round now</translation>
        </message>
        <message>
            <source>E&amp;xtend…</source>
            <translation>E&amp;xtend…</translation>
        </message>
        <message>
            <source>Give members more days to answer the open round</source>
            <translation>Give members more days to answer the open round</translation>
        </message>
        <message>
            <source>&amp;Delete Draft…</source>
            <translation>&amp;Delete Draft…</translation>
        </message>
        <message>
            <source>Delete the selected draft</source>
            <translation>Delete the selected draft</translation>
        </message>
        <message>
            <source>Rel&amp;oad</source>
            <translation>Rel&amp;oad</translation>
        </message>
        <message>
            <source>Load the list again from the service</source>
            <translation>Load the list again from the service</translation>
        </message>
        <message>
            <source>Survey details</source>
            <translation>Survey details</translation>
        </message>
        <message>
            <source>Choose a survey to see its details.</source>
            <translation>Choose a survey to see its details.</translation>
        </message>
        <message>
            <source>“%1” cannot be published yet: %2</source>
            <translation>“%1” cannot be published yet: %2</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>Edit</translation>
        </message>
        <message>
            <source>Publish Survey</source>
            <translation>Publish Survey</translation>
        </message>
        <message>
            <source>Publish “%1”?</source>
            <translation>Publish “%1”?</translation>
        </message>
        <message>
            <source>&amp;Publish</source>
            <translation>&amp;Publish</translation>
        </message>
        <message>
            <source>Close Round</source>
            <translation>Close Round</translation>
        </message>
        <message>
            <source>Close the open round of “%1” now?</source>
            <translation>Close the open round of “%1” now?</translation>
        </message>
        <message>
            <source>Members who have not answered can no longer answer, and no more reminders go out. Its results are counted as they stand.</source>
            <translation>Members who have not answered can no longer answer, and no more reminders go out. Its results are counted as they stand.</translation>
        </message>
        <message>
            <source>&amp;Close Round</source>
            <translation>&amp;Close Round</translation>
        </message>
        <message>
            <source>Delete Draft</source>
            <translation>Delete Draft</translation>
        </message>
        <message>
            <source>Delete the draft “%1”?</source>
            <translation>Delete the draft “%1”?</translation>
        </message>
        <message>
            <source>Its questions and settings are gone for good. Nothing was sent to anyone yet.</source>
            <translation>Its questions and settings are gone for good. Nothing was sent to anyone yet.</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Delete</translation>
        </message>
        <message>
            <source>“%1” is published and goes out as planned.</source>
            <translation>“%1” is published and goes out as planned.</translation>
        </message>
        <message>
            <source>The open round of “%1” is closed.</source>
            <translation>The open round of “%1” is closed.</translation>
        </message>
        <message>
            <source>The open round of “%1” is extended.</source>
            <translation>The open round of “%1” is extended.</translation>
        </message>
        <message>
            <source>Someone else changed this survey since the list was loaded, so nothing was done. Reload to see their change, then try again.</source>
            <translation>Someone else changed this survey since the list was loaded, so nothing was done. Reload to see their change, then try again.</translation>
        </message>
        <message>
            <source>Reload</source>
            <translation>Reload</translation>
        </message>
        <message>
            <source>This survey is no longer a draft, so it cannot be published again.</source>
            <translation>This survey is no longer a draft, so it cannot be published again.</translation>
        </message>
        <message>
            <source>This survey has no open round any more. Reload to see where it stands.</source>
            <translation>This survey has no open round any more. Reload to see where it stands.</translation>
        </message>
        <message>
            <source>Only drafts can be deleted; this survey has been published.</source>
            <translation>Only drafts can be deleted; this survey has been published.</translation>
        </message>
        <message>
            <source>De&amp;tails</source>
            <translation>De&amp;tails</translation>
        </message>
        <message>
            <source>&amp;Results</source>
            <translation>&amp;Results</translation>
        </message>
        <message>
            <source>Send Te&amp;st to Myself</source>
            <translation>Send Te&amp;st to Myself</translation>
        </message>
        <message>
            <source>Mail yourself the selected draft's invitation, in the language of this window: its link opens a preview that records nothing</source>
            <translation>Mail yourself the selected draft's invitation, in the language of this window: its link opens a preview that records nothing</translation>
        </message>
        <message>
            <source>Round &amp;Activity</source>
            <extracomment>The tab of a survey's latest round: answers by group, reminders, the delivery log.</extracomment>
            <translation>Round &amp;Activity</translation>
        </message>
        <message>
            <source>A test invitation to “%1” was sent to %2. Its link opens a preview that records nothing.</source>
            <translation>A test invitation to “%1” was sent to %2. Its link opens a preview that records nothing.</translation>
        </message>
        <message>
            <source>The mail server refused the test invitation to %1. Check the SMTP settings and your address. Its answer: %2</source>
            <extracomment>%1 the person's address, %2 the mail server's answer (English, as it gave it).</extracomment>
            <translation>The mail server refused the test invitation to %1. Check the SMTP settings and your address. Its answer: %2</translation>
        </message>
        <message>
            <source>The mail server could not take the test invitation to %1 just now; try again in a moment. Its answer: %2</source>
            <translation>The mail server could not take the test invitation to %1 just now; try again in a moment. Its answer: %2</translation>
        </message>
        <message>
            <source>Try Again</source>
            <translation>Try Again</translation>
        </message>
        <message>
            <source>No mail server is set up for your company yet, so the test invitation could not be sent. An owner or administrator saves the company's SMTP settings (its mail server) first.</source>
            <translation>No mail server is set up for your company yet, so the test invitation could not be sent. An owner or administrator saves the company's SMTP settings (its mail server) first.</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::TrendChart</name>
        <message>
            <source>Memo by %2 on %1</source>
            <translation>Memo by %2 on %1</translation>
        </message>
        <message>
            <source>Your private memo on %1</source>
            <extracomment>Tooltip of a memo on the trend chart that only its author sees.</extracomment>
            <translation>Your private memo on %1</translation>
        </message>
        <message>
            <source>Score</source>
            <extracomment>The vertical axis of the trend chart.</extracomment>
            <translation>Score</translation>
        </message>
        <message>
            <source>MMM yyyy</source>
            <extracomment>A QLocale date format for the period in the title of the trend chart's time axis. Japanese: yyyy年M月</extracomment>
            <translation>MMM yyyy</translation>
        </message>
        <message>
            <source>Rounds closed from %1 to %2</source>
            <extracomment>The horizontal axis of the trend chart: %1 and %2 the months of the first and last rounds shown.</extracomment>
            <translation>Rounds closed from %1 to %2</translation>
        </message>
        <message>
            <source>No closed rounds in this period.</source>
            <translation>No closed rounds in this period.</translation>
        </message>
        <message>
            <source>Memo</source>
            <extracomment>The legend entry of the memo markers on the trend chart.</extracomment>
            <translation>Memo</translation>
        </message>
        <message>
            <source>d MMM</source>
            <extracomment>A QLocale date format for the rounds on the trend chart's time axis (the year is in its title). Japanese: M/d</extracomment>
            <translation>d MMM</translation>
        </message>
        <message>
            <source>%1 on %2: %3</source>
            <extracomment>Tooltip of a point of the trend chart: %1 the factor, %2 the round's close date, %3 the score; the next line says what it rests on.</extracomment>
            <translation>%1 on %2: %3</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::WelcomeDialog</name>
        <message>
            <source>Welcome to Engage</source>
            <translation>Welcome to Engage</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Welcome to Engage&lt;/h3&gt;&lt;p&gt;Engage runs your company's engagement surveys. Where would you like to start?&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Welcome to Engage&lt;/h3&gt;&lt;p&gt;Engage runs your company's engagement surveys. Where would you like to start?&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Use a &amp;saved connection</source>
            <translation>Use a &amp;saved connection</translation>
        </message>
        <message>
            <source>&amp;Connect to your company's service</source>
            <translation>&amp;Connect to your company's service</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>e.g. Head office</source>
            <translation>e.g. Head office</translation>
        </message>
        <message>
            <source>&amp;Address:</source>
            <translation>&amp;Address:</translation>
        </message>
        <message>
            <source>https://engage.example.com</source>
            <translation>https://engage.example.com</translation>
        </message>
        <message>
            <source>Try the &amp;demo</source>
            <translation>Try the &amp;demo</translation>
        </message>
        <message>
            <source>Starts a demo service on this computer, with two sample companies, and signs you in.</source>
            <translation>Starts a demo service on this computer, with two sample companies, and signs you in.</translation>
        </message>
        <message>
            <source>C&amp;ontinue</source>
            <translation>C&amp;ontinue</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <source>Engage: run your company's engagement surveys and manage who administers them.</source>
            <translation>Engage: run your company's engagement surveys and manage who administers them.</translation>
        </message>
        <message>
            <source>Start the demo service on this computer and sign in to it.</source>
            <translation>Start the demo service on this computer and sign in to it.</translation>
        </message>
        <message>
            <source>name</source>
            <translation>name</translation>
        </message>
        <message>
            <source>Connect with the saved connection &lt;name&gt;.</source>
            <translation>Connect with the saved connection &lt;name&gt;.</translation>
        </message>
        <message>
            <source>Use this language (Japanese or English) instead of the saved one.</source>
            <translation>Use this language (Japanese or English) instead of the saved one.</translation>
        </message>
        <message>
            <source>Unknown language “%1”: use ja or en.</source>
            <translation>Unknown language “%1”: use ja or en.</translation>
        </message>
    </context>
</TS>
