<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
        <name>engage::ui::ErrorDialog</name>
        <message>
            <source>Engage: error</source>
            <translation>Engage: error</translation>
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
    </context>
    <context>
        <name>engage::ui::MessageBanner</name>
        <message>
            <source>Close this message</source>
            <translation>Close this message</translation>
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
            <source>%1 (%2)</source>
            <extracomment>A button's tooltip (%1) followed by its keyboard shortcut (%2).</extracomment>
            <translation>%1 (%2)</translation>
        </message>
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
