<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
    <context>
        <name>engage::models::ApiError</name>
        <message>
            <source>The service could not read what this application sent. Try again; if it keeps happening, update the application.</source>
            <translation>サービスがこのアプリケーションから送信された内容を読み取れませんでした。もう一度お試しください。繰り返し発生する場合は、アプリケーションを更新してください。</translation>
        </message>
        <message>
            <source>The service does not accept some of the information this application sent. Update the application and try again.</source>
            <translation>送信された情報の一部をサービスが受け付けませんでした。アプリケーションを更新してから、もう一度お試しください。</translation>
        </message>
        <message>
            <source>Some required information is missing. Fill in every required field and try again.</source>
            <translation>必要な情報が不足しています。必須項目をすべて入力してから、もう一度お試しください。</translation>
        </message>
        <message>
            <source>Some of the information entered is not valid. Correct it and try again.</source>
            <translation>入力された情報の一部が正しくありません。修正してから、もう一度お試しください。</translation>
        </message>
        <message>
            <source>The service does not accept the format this application sent. Update the application and try again.</source>
            <translation>送信された形式をサービスが受け付けませんでした。アプリケーションを更新してから、もう一度お試しください。</translation>
        </message>
        <message>
            <source>What you sent is too large for the service. Send less at a time.</source>
            <translation>送信した内容が大きすぎます。一度に送る量を減らしてください。</translation>
        </message>
        <message>
            <source>This item does not exist any more. Someone may have deleted it; reload to see the current list.</source>
            <translation>この項目はもう存在しません。誰かが削除した可能性があります。再読み込みして最新の一覧を確認してください。</translation>
        </message>
        <message>
            <source>The service does not allow this action. Update the application and try again.</source>
            <translation>この操作はサービスで許可されていません。アプリケーションを更新してから、もう一度お試しください。</translation>
        </message>
        <message>
            <source>Your sign-in has expired or was ended. Sign in again.</source>
            <translation>サインインの有効期限が切れたか、終了されました。もう一度サインインしてください。</translation>
        </message>
        <message>
            <source>You do not have permission to do this. Ask an owner or administrator of your organization.</source>
            <translation>この操作を行う権限がありません。組織のオーナーまたは管理者にお問い合わせください。</translation>
        </message>
        <message>
            <source>This clashes with something that already exists, for example an email address that is already in use.</source>
            <translation>既存のデータと重複しています（例: すでに使われているメールアドレス）。</translation>
        </message>
        <message>
            <source>Someone else changed this in the meantime. Reload to see their change.</source>
            <translation>その間に他の人がこの内容を変更しました。再読み込みして変更内容を確認してください。</translation>
        </message>
        <message>
            <source>The service needs to know which version you edited. Reload and make your change again.</source>
            <translation>どの版を編集したかをサービスが確認できません。再読み込みしてから、もう一度変更してください。</translation>
        </message>
        <message>
            <source>Too many attempts in a short time. Wait a few minutes and try again.</source>
            <translation>短時間に試行が多すぎます。数分待ってから、もう一度お試しください。</translation>
        </message>
        <message>
            <source>The service ran into a problem of its own. Try again later; if it keeps happening, give the request ID to your service administrator.</source>
            <translation>サービス内部で問題が発生しました。しばらくしてから、もう一度お試しください。繰り返し発生する場合は、リクエストIDをサービス管理者にお伝えください。</translation>
        </message>
        <message>
            <source>The service is busy or under maintenance. Try again in a few minutes.</source>
            <translation>サービスが混み合っているか、メンテナンス中です。数分後にもう一度お試しください。</translation>
        </message>
        <message>
            <source>Choose a new password before you continue.</source>
            <translation>続けるには、新しいパスワードを設定してください。</translation>
        </message>
        <message>
            <source>This computer has no keychain the application can use, so your sign-in will not be remembered.</source>
            <translation>このコンピューターには利用できるキーチェーンがないため、サインイン状態は保存されません。</translation>
        </message>
        <message>
            <source>The keychain refused access, so your sign-in will not be remembered.</source>
            <translation>キーチェーンへのアクセスが拒否されたため、サインイン状態は保存されません。</translation>
        </message>
        <message>
            <source>Access to the keychain was not allowed, so your sign-in will not be remembered.</source>
            <translation>キーチェーンへのアクセスが許可されなかったため、サインイン状態は保存されません。</translation>
        </message>
        <message>
            <source>Your saved sign-in could not be removed from the keychain.</source>
            <translation>保存されたサインイン情報をキーチェーンから削除できませんでした。</translation>
        </message>
        <message>
            <source>The keychain on this computer cannot do this, so your sign-in will not be remembered.</source>
            <translation>このコンピューターのキーチェーンはこの操作に対応していないため、サインイン状態は保存されません。</translation>
        </message>
        <message>
            <source>No saved sign-in was found in the keychain. Sign in again.</source>
            <translation>キーチェーンに保存されたサインイン情報が見つかりません。もう一度サインインしてください。</translation>
        </message>
        <message>
            <source>The keychain reported an error, so your sign-in may not be remembered.</source>
            <translation>キーチェーンでエラーが発生したため、サインイン状態が保存されない可能性があります。</translation>
        </message>
        <message>
            <source>The service sent an answer this application cannot read. Check the service address, or update the application.</source>
            <translation>サービスからの応答をこのアプリケーションで読み取れませんでした。サービスのアドレスを確認するか、アプリケーションを更新してください。</translation>
        </message>
        <message>
            <source>The service reported a problem this application does not know.</source>
            <translation>サービスが、このアプリケーションの知らない問題を報告しました。</translation>
        </message>
        <message>
            <source>The service cannot be reached. Check your network connection and try again.</source>
            <translation>サービスに接続できません。ネットワーク接続を確認してから、もう一度お試しください。</translation>
        </message>
        <message>
            <source>The service did not answer in time. Check your network connection and try again.</source>
            <translation>サービスから時間内に応答がありませんでした。ネットワーク接続を確認してから、もう一度お試しください。</translation>
        </message>
        <message>
            <source>The service's certificate is not trusted, so the application did not connect.</source>
            <translation>サービスの証明書が信頼されていないため、接続しませんでした。</translation>
        </message>
        <message>
            <source>The service's certificate has changed since you trusted it. Someone may be intercepting the connection, so the application refuses to connect. Ask your service administrator whether the certificate was replaced.</source>
            <translation>サービスの証明書が、信頼したときから変わっています。通信が傍受されているおそれがあるため、接続を拒否しました。証明書が差し替えられたかどうか、サービス管理者に確認してください。</translation>
        </message>
        <message>
            <source>A secure connection to the service could not be set up.</source>
            <translation>サービスとの安全な接続を確立できませんでした。</translation>
        </message>
        <message>
            <source>The action was cancelled.</source>
            <translation>操作は取り消されました。</translation>
        </message>
    </context>
    <context>
        <name>engage::models::DemoService</name>
        <message>
            <source>The demo service could not be started: the program %1 was not found. Reinstall Engage, or set ENGAGE_SERVER to its path.</source>
            <translation>デモサービスを起動できませんでした。プログラム %1 が見つかりません。Engage を再インストールするか、ENGAGE_SERVER にそのパスを設定してください。</translation>
        </message>
        <message>
            <source>The demo service could not be started: the folder %1 cannot be created.</source>
            <translation>デモサービスを起動できませんでした。フォルダー %1 を作成できません。</translation>
        </message>
        <message>
            <source>The demo service started, but its first message could not be read. Its log is in %1.</source>
            <translation>デモサービスは起動しましたが、最初のメッセージを読み取れませんでした。ログは %1 にあります。</translation>
        </message>
        <message>
            <source>The demo service crashed while starting. Its log is in %1.</source>
            <translation>デモサービスが起動中に異常終了しました。ログは %1 にあります。</translation>
        </message>
        <message>
            <source>The demo service exited with code %1 while starting. Its log is in %2.</source>
            <translation>デモサービスが起動中に終了しました（終了コード %1）。ログは %2 にあります。</translation>
        </message>
        <message>
            <source>The demo service could not be started: %1</source>
            <translation>デモサービスを起動できませんでした: %1</translation>
        </message>
        <message numerus="yes">
            <source>The demo service did not report that it was ready within %n second(s). Its log is in %1.</source>
            <translation>
                <numerusform>デモサービスから %n 秒以内に準備完了の通知がありませんでした。ログは %1 にあります。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>engage::models::ProfileInput</name>
        <message numerus="yes">
            <source>Enter a name of up to %n characters, on one line.</source>
            <translation>
                <numerusform>名前は %n 文字以内で、1 行で入力してください。</numerusform>
            </translation>
        </message>
        <message>
            <source>There is already a profile named %1.</source>
            <translation>%1 という名前のプロファイルはすでにあります。</translation>
        </message>
        <message>
            <source>Enter the service's address, such as https://engage.example.com.</source>
            <translation>https://engage.example.com のように、サービスのアドレスを入力してください。</translation>
        </message>
        <message>
            <source>Only https:// addresses are accepted: the connection must be encrypted.</source>
            <translation>通信は暗号化が必須のため、https:// で始まるアドレスのみ使用できます。</translation>
        </message>
        <message>
            <source>Enter the service's address alone, without a path, user name or query.</source>
            <translation>パス・ユーザー名・クエリを付けずに、サービスのアドレスだけを入力してください。</translation>
        </message>
    </context>
    <context>
        <name>engage::models::UserTableModel</name>
        <message>
            <source>Name</source>
            <extracomment>Column of the people table: the person's display name.</extracomment>
            <translation>名前</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>ロール</translation>
        </message>
        <message>
            <source>Status</source>
            <extracomment>Column of the people table: active or deactivated.</extracomment>
            <translation>状態</translation>
        </message>
        <message>
            <source>Last sign-in</source>
            <translation>最終サインイン</translation>
        </message>
        <message>
            <source>Owner</source>
            <extracomment>Role of a person: may do everything, including managing other owners.</extracomment>
            <translation>オーナー</translation>
        </message>
        <message>
            <source>Administrator</source>
            <extracomment>Role of a person: manages the company's settings and people.</extracomment>
            <translation>管理者</translation>
        </message>
        <message>
            <source>Manager</source>
            <extracomment>Role of a person: sees the results of their own groups.</extracomment>
            <translation>マネージャー</translation>
        </message>
        <message>
            <source>Viewer</source>
            <extracomment>Role of a person: reads results, changes nothing.</extracomment>
            <translation>閲覧者</translation>
        </message>
        <message>
            <source>Active</source>
            <extracomment>Status of a person who may sign in.</extracomment>
            <translation>有効</translation>
        </message>
        <message>
            <source>Deactivated</source>
            <extracomment>Status of a person who may no longer sign in.</extracomment>
            <translation>無効</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>メールアドレス</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::ApplicationController</name>
        <message>
            <source>There is no connection named “%1”.</source>
            <translation>「%1」という名前の接続はありません。</translation>
        </message>
        <message>
            <source>Choose a saved connection or add a new one.</source>
            <translation>保存済みの接続を選ぶか、新しい接続を追加してください。</translation>
        </message>
        <message>
            <source>The demo service could not be started.</source>
            <translation>デモサービスを起動できませんでした。</translation>
        </message>
        <message>
            <source>The demo service has stopped. Quit Engage and start it again to go on with the demo.</source>
            <translation>デモサービスが停止しました。デモを続けるには、Engage を終了してもう一度起動してください。</translation>
        </message>
        <message>
            <source>Starting the demo service…</source>
            <translation>デモサービスを起動しています…</translation>
        </message>
        <message>
            <source>It announced no demo company.</source>
            <translation>デモ用の会社が通知されませんでした。</translation>
        </message>
        <message>
            <source>Connecting to %1…</source>
            <translation>%1 に接続しています…</translation>
        </message>
        <message>
            <source>Your password has been changed.</source>
            <translation>パスワードを変更しました。</translation>
        </message>
        <message>
            <source>Engage</source>
            <translation>Engage</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>終了(&amp;Q)</translation>
        </message>
        <message>
            <source>Your session has ended. Please sign in again.</source>
            <translation>セッションが終了しました。もう一度サインインしてください。</translation>
        </message>
        <message>
            <source>%1 Engage will ask for your password the next time it starts.</source>
            <translation>%1 次回の起動時にはパスワードの入力が必要です。</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::CertificateDialog</name>
        <message>
            <source>%1 to %2</source>
            <translation>%1 ～ %2</translation>
        </message>
        <message>
            <source>Check the service's certificate</source>
            <translation>サービスの証明書の確認</translation>
        </message>
        <message>
            <source>&lt;p&gt;The service at &lt;b&gt;%1&lt;/b&gt; presented a certificate that no public certificate authority vouches for.&lt;/p&gt;&lt;p&gt;Compare its SHA-256 fingerprint with the one your administrator gave you. Trust it only if they are identical: Engage will then remember it and refuse any other certificate for this connection.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; のサービスが提示した証明書は、公的な認証局によって保証されていません。&lt;/p&gt;&lt;p&gt;SHA-256 フィンガープリントを、管理者から伝えられたものと照合してください。完全に一致する場合にのみ信頼してください。信頼すると Engage はこの証明書を記憶し、この接続では他の証明書を拒否します。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Service:</source>
            <translation>サービス:</translation>
        </message>
        <message>
            <source>Issued to:</source>
            <translation>発行先:</translation>
        </message>
        <message>
            <source>Issued by:</source>
            <translation>発行者:</translation>
        </message>
        <message>
            <source>Valid:</source>
            <translation>有効期間:</translation>
        </message>
        <message>
            <source>SHA-256 fingerprint:</source>
            <translation>SHA-256 フィンガープリント:</translation>
        </message>
        <message>
            <source>This certificate is not valid at the moment (expired or not yet valid).</source>
            <translation>この証明書は現在有効ではありません（期限切れ、または有効期間の開始前です）。</translation>
        </message>
        <message>
            <source>I have checked the fingerprint and trust this certificate</source>
            <translation>フィンガープリントを確認し、この証明書を信頼します</translation>
        </message>
        <message>
            <source>Trust and connect</source>
            <translation>信頼して接続</translation>
        </message>
        <message>
            <source>Do not connect</source>
            <translation>接続しない</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::ConnectionStatus</name>
        <message>
            <source>Connected to %1</source>
            <translation>%1 に接続中</translation>
        </message>
        <message>
            <source>Cannot reach %1</source>
            <translation>%1 に接続できません</translation>
        </message>
        <message>
            <source>Tenant: %1</source>
            <translation>テナント: %1</translation>
        </message>
        <message>
            <source>Signed in as %1</source>
            <translation>%1 としてサインイン中</translation>
        </message>
        <message>
            <source>Not signed in</source>
            <translation>未サインイン</translation>
        </message>
        <message>
            <source>Signing in…</source>
            <translation>サインインしています…</translation>
        </message>
        <message>
            <source>Service: checking…</source>
            <translation>サービス: 確認中…</translation>
        </message>
        <message>
            <source>Service: ready</source>
            <translation>サービス: 稼働中</translation>
        </message>
        <message>
            <source>Service: not ready</source>
            <translation>サービス: 準備中</translation>
        </message>
        <message>
            <source>Service: unreachable</source>
            <translation>サービス: 接続不可</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::ErrorDialog</name>
        <message>
            <source>Engage: error</source>
            <translation>Engage: エラー</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::InitialPasswordDialog</name>
        <message>
            <source>First Password</source>
            <translation>初回パスワード</translation>
        </message>
        <message>
            <source>%1 was added as %2. They sign in with this first password and then choose their own.</source>
            <translation>%1 さんを%2として追加しました。この初回パスワードでサインインした後、本人がパスワードを設定します。</translation>
        </message>
        <message>
            <source>Company:</source>
            <translation>会社:</translation>
        </message>
        <message>
            <source>E-mail:</source>
            <translation>メールアドレス:</translation>
        </message>
        <message>
            <source>First &amp;password:</source>
            <translation>初回パスワード(&amp;P):</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>コピー(&amp;C)</translation>
        </message>
        <message>
            <source>Copied to the clipboard.</source>
            <translation>クリップボードにコピーしました。</translation>
        </message>
        <message>
            <source>The answer that carried the first password was lost on the way, and the service does not show it twice. Delete %1 and add them again to get a new one.</source>
            <translation>初回パスワードを含む応答が途中で失われました。サービスは同じパスワードを二度表示しません。%1 さんを削除してから追加し直すと、新しいパスワードが発行されます。</translation>
        </message>
        <message>
            <source>This password is shown only now and cannot be shown again. Pass it on through a channel only this person reads.</source>
            <translation>このパスワードは今だけ表示され、再表示できません。本人だけが読める方法で伝えてください。</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::InviteDialog</name>
        <message>
            <source>Owners manage everything, including other owners.</source>
            <translation>オーナーは、他のオーナーを含むすべてを管理できます。</translation>
        </message>
        <message>
            <source>Administrators manage people, surveys and settings, but not owners.</source>
            <translation>管理者は、メンバー・サーベイ・設定を管理できます（オーナーを除く）。</translation>
        </message>
        <message>
            <source>Managers run surveys and read the results of their groups.</source>
            <translation>マネージャーは、サーベイを実施し、担当グループの結果を閲覧できます。</translation>
        </message>
        <message>
            <source>Viewers read dashboards and reports.</source>
            <translation>閲覧者は、ダッシュボードとレポートを閲覧できます。</translation>
        </message>
        <message>
            <source>Add a Person</source>
            <translation>ユーザーの追加</translation>
        </message>
        <message>
            <source>The person gets a first password, shown to you once. They choose their own when they first sign in.</source>
            <translation>追加したユーザーには初回パスワードが発行され、一度だけ表示されます。初めてサインインしたときに、本人がパスワードを設定します。</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>名前(&amp;N):</translation>
        </message>
        <message>
            <source>As colleagues know them</source>
            <translation>社内で通じる名前</translation>
        </message>
        <message>
            <source>&amp;E-mail:</source>
            <translation>メールアドレス(&amp;E):</translation>
        </message>
        <message>
            <source>name@example.com</source>
            <translation>name@example.com</translation>
        </message>
        <message>
            <source>&amp;Role:</source>
            <translation>ロール(&amp;R):</translation>
        </message>
        <message>
            <source>Adding…</source>
            <translation>追加しています…</translation>
        </message>
        <message>
            <source>&amp;Add</source>
            <translation>追加(&amp;A)</translation>
        </message>
        <message numerus="yes">
            <source>Enter a name of up to %n characters, on one line.</source>
            <translation>
                <numerusform>名前は %n 文字以内で、1 行で入力してください。</numerusform>
            </translation>
        </message>
        <message>
            <source>Enter an e-mail address such as name@example.com.</source>
            <translation>name@example.com のようなメールアドレスを入力してください。</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::LoginDialog</name>
        <message>
            <source>Sign in to Engage</source>
            <translation>Engage にサインイン</translation>
        </message>
        <message>
            <source>&lt;p&gt;Sign in to &lt;b&gt;%1&lt;/b&gt; (%2).&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;（%2）にサインインします。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&amp;Tenant:</source>
            <translation>テナント(&amp;T):</translation>
        </message>
        <message>
            <source>your company's ID, e.g. northwind</source>
            <translation>会社のID（例: northwind）</translation>
        </message>
        <message>
            <source>&amp;E-mail:</source>
            <translation>メールアドレス(&amp;E):</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>パスワード(&amp;P):</translation>
        </message>
        <message>
            <source>Signing in…</source>
            <translation>サインインしています…</translation>
        </message>
        <message>
            <source>&amp;Sign in</source>
            <translation>サインイン(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>終了(&amp;Q)</translation>
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
            <translation>ファイル(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>終了(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translation>移動(&amp;G)</translation>
        </message>
        <message>
            <source>&amp;Account</source>
            <translation>アカウント(&amp;A)</translation>
        </message>
        <message>
            <source>Change &amp;password…</source>
            <translation>パスワードの変更(&amp;P)…</translation>
        </message>
        <message>
            <source>Sign &amp;out</source>
            <translation>サインアウト(&amp;O)</translation>
        </message>
        <message>
            <source>Pages</source>
            <translation>ページ</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>アカウント</translation>
        </message>
        <message>
            <source>Change your password or sign out</source>
            <translation>パスワードの変更またはサインアウト</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::MessageBanner</name>
        <message>
            <source>Close this message</source>
            <translation>このメッセージを閉じる</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::PasswordChangeDialog</name>
        <message numerus="yes">
            <source>The new password needs at least %n characters.</source>
            <translation>
                <numerusform>新しいパスワードは %n 文字以上にしてください。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The new password may have at most %n characters.</source>
            <translation>
                <numerusform>新しいパスワードは %n 文字以内にしてください。</numerusform>
            </translation>
        </message>
        <message>
            <source>The new password must differ from the current one.</source>
            <translation>新しいパスワードは、現在のパスワードと異なるものにしてください。</translation>
        </message>
        <message>
            <source>The two new passwords are not the same.</source>
            <translation>2 つの新しいパスワードが一致しません。</translation>
        </message>
        <message numerus="yes">
            <source>At least %n characters.</source>
            <translation>
                <numerusform>%n 文字以上。</numerusform>
            </translation>
        </message>
        <message>
            <source>Change your password</source>
            <translation>パスワードの変更</translation>
        </message>
        <message>
            <source>&lt;p&gt;You signed in with a password that was generated for you. Choose a password of your own to continue.&lt;/p&gt;</source>
            <translation>&lt;p&gt;自動発行されたパスワードでサインインしました。続けるには、ご自身のパスワードを設定してください。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;Choose a new password for your account.&lt;/p&gt;</source>
            <translation>&lt;p&gt;アカウントの新しいパスワードを設定してください。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>C&amp;urrent password:</source>
            <translation>現在のパスワード(&amp;U):</translation>
        </message>
        <message>
            <source>&amp;New password:</source>
            <translation>新しいパスワード(&amp;N):</translation>
        </message>
        <message>
            <source>&amp;Repeat new password:</source>
            <translation>新しいパスワード（確認）(&amp;R):</translation>
        </message>
        <message>
            <source>&amp;Change password</source>
            <translation>パスワードを変更(&amp;C)</translation>
        </message>
        <message>
            <source>Sign &amp;out</source>
            <translation>サインアウト(&amp;O)</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>キャンセル</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::PeoplePage</name>
        <message>
            <source>%1 (%2)</source>
            <extracomment>A button's tooltip (%1) followed by its keyboard shortcut (%2).</extracomment>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <source>People</source>
            <translation>ユーザー</translation>
        </message>
        <message>
            <source>Only owners and administrators can see and manage people.</source>
            <translation>ユーザーの閲覧と管理ができるのは、オーナーと管理者だけです。</translation>
        </message>
        <message>
            <source>&amp;Search:</source>
            <translation>検索(&amp;S):</translation>
        </message>
        <message>
            <source>Name or e-mail</source>
            <translation>名前またはメールアドレス</translation>
        </message>
        <message>
            <source>Show only the people whose name or e-mail contains this text (%1)</source>
            <translation>名前かメールアドレスにこの文字を含むユーザーだけを表示します（%1）</translation>
        </message>
        <message>
            <source>&amp;Add…</source>
            <translation>追加(&amp;A)…</translation>
        </message>
        <message>
            <source>Add a person with a first password shown once</source>
            <translation>初回パスワードを一度だけ表示してユーザーを追加します</translation>
        </message>
        <message>
            <source>Change &amp;Role</source>
            <translation>ロールの変更(&amp;R)</translation>
        </message>
        <message>
            <source>Change the selected person's role</source>
            <translation>選択したユーザーのロールを変更します</translation>
        </message>
        <message>
            <source>De&amp;lete…</source>
            <translation>削除(&amp;L)…</translation>
        </message>
        <message>
            <source>Delete the selected person for good</source>
            <translation>選択したユーザーを完全に削除します</translation>
        </message>
        <message>
            <source>Rel&amp;oad</source>
            <translation>再読み込み(&amp;O)</translation>
        </message>
        <message>
            <source>Load the list again from the service</source>
            <translation>サービスから一覧を読み込み直します</translation>
        </message>
        <message>
            <source>Reac&amp;tivate</source>
            <translation>再有効化(&amp;T)</translation>
        </message>
        <message>
            <source>Let the selected person sign in again</source>
            <translation>選択したユーザーが再びサインインできるようにします</translation>
        </message>
        <message>
            <source>&amp;Deactivate</source>
            <translation>無効化(&amp;D)</translation>
        </message>
        <message>
            <source>Stop the selected person from signing in, keeping their history</source>
            <translation>履歴を残したまま、選択したユーザーのサインインを停止します</translation>
        </message>
        <message>
            <source>You cannot change your own role, deactivate or delete yourself.</source>
            <translation>自分自身のロール変更・無効化・削除はできません。</translation>
        </message>
        <message>
            <source>Only an owner can change or delete an owner.</source>
            <translation>オーナーを変更・削除できるのはオーナーだけです。</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>読み込んでいます…</translation>
        </message>
        <message numerus="yes">
            <source>%n people</source>
            <translation>
                <numerusform>%n 人</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 of %n people</source>
            <extracomment>%1 people match the search, out of %n in all.</extracomment>
            <translation>
                <numerusform>%n 人中 %1 人</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete Person</source>
            <translation>ユーザーの削除</translation>
        </message>
        <message>
            <source>Delete %1?</source>
            <translation>%1 さんを削除しますか？</translation>
        </message>
        <message>
            <source>They can no longer sign in, and this cannot be undone. What they did stays in the logs. To only stop them signing in, deactivate them instead.</source>
            <translation>このユーザーはサインインできなくなり、元に戻すことはできません。操作の記録はログに残ります。サインインを止めるだけなら、代わりに無効化してください。</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>削除(&amp;D)</translation>
        </message>
        <message>
            <source>Someone else changed %1 since this list was loaded, so your change was not made. Reload to see their change, then try again.</source>
            <translation>一覧の読み込み後に他の人が %1 さんの情報を変更したため、変更は反映されませんでした。再読み込みして変更内容を確認してから、もう一度お試しください。</translation>
        </message>
        <message>
            <source>Someone else changed this person since this list was loaded, so your change was not made. Reload to see their change, then try again.</source>
            <translation>一覧の読み込み後に他の人がこのユーザーの情報を変更したため、変更は反映されませんでした。再読み込みして変更内容を確認してから、もう一度お試しください。</translation>
        </message>
        <message>
            <source>Reload</source>
            <translation>再読み込み</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::RequestIdField</name>
        <message>
            <source>Request ID:</source>
            <translation>リクエストID:</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>コピー</translation>
        </message>
        <message>
            <source>Copy the request ID to the clipboard, to quote it to support</source>
            <translation>サポートへの問い合わせ用に、リクエストIDをクリップボードにコピーします</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::RoleDelegate</name>
        <message>
            <source>Role</source>
            <translation>ロール</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::SettingsPage</name>
        <message>
            <source>Settings</source>
            <translation>設定</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>言語</translation>
        </message>
        <message>
            <source>Connection Profiles</source>
            <translation>接続プロファイル</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名前</translation>
        </message>
        <message>
            <source>Service address</source>
            <translation>サービスのアドレス</translation>
        </message>
        <message>
            <source>Certificate</source>
            <translation>証明書</translation>
        </message>
        <message>
            <source>&amp;Switch To</source>
            <translation>切り替え(&amp;S)</translation>
        </message>
        <message>
            <source>Sign out and connect to the selected service</source>
            <translation>サインアウトして、選択したサービスに接続します</translation>
        </message>
        <message>
            <source>&amp;Remove…</source>
            <translation>削除(&amp;R)…</translation>
        </message>
        <message>
            <source>Forget the selected service, its pinned certificate and its remembered sign-in</source>
            <translation>選択したサービスと、その固定された証明書・保存されたサインイン情報を削除します</translation>
        </message>
        <message>
            <source>Try the &amp;Demo</source>
            <translation>デモを試す(&amp;D)</translation>
        </message>
        <message>
            <source>Start a demo service on this computer and sign in to it</source>
            <translation>このコンピューターでデモサービスを起動してサインインします</translation>
        </message>
        <message>
            <source>Add a service</source>
            <translation>サービスの追加</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>名前(&amp;N):</translation>
        </message>
        <message>
            <source>e.g. Head office</source>
            <translation>例: 本社</translation>
        </message>
        <message>
            <source>A&amp;ddress:</source>
            <translation>アドレス(&amp;D):</translation>
        </message>
        <message>
            <source>https://engage.example.com</source>
            <translation>https://engage.example.com</translation>
        </message>
        <message>
            <source>&amp;Add</source>
            <translation>追加(&amp;A)</translation>
        </message>
        <message>
            <source>About Engage</source>
            <translation>Engage について</translation>
        </message>
        <message>
            <source>Engage version:</source>
            <translation>Engage のバージョン:</translation>
        </message>
        <message>
            <source>Qt version:</source>
            <translation>Qt のバージョン:</translation>
        </message>
        <message>
            <source>TLS library:</source>
            <translation>TLS ライブラリ:</translation>
        </message>
        <message>
            <source>Keychain library:</source>
            <translation>キーチェーンライブラリ:</translation>
        </message>
        <message>
            <source>Licence:</source>
            <translation>ライセンス:</translation>
        </message>
        <message>
            <source>MIT License</source>
            <translation>MIT ライセンス</translation>
        </message>
        <message>
            <source>This language cannot be shown: its translation is missing from this installation.</source>
            <translation>この言語は表示できません。このインストールには翻訳が含まれていません。</translation>
        </message>
        <message>
            <source>%1 (in use)</source>
            <extracomment>The connection profile (%1) the client is connected with now. The connection profile (%1) the client is connected with now.</extracomment>
            <translation>%1（使用中）</translation>
        </message>
        <message>
            <source>Pinned certificate, SHA-256 fingerprint %1</source>
            <translation>固定された証明書（SHA-256 フィンガープリント %1）</translation>
        </message>
        <message>
            <source>Pinned when the demo starts</source>
            <translation>デモの起動時に固定</translation>
        </message>
        <message>
            <source>Vouched for by a public authority</source>
            <translation>公的な認証局が保証</translation>
        </message>
        <message>
            <source>Remove Profile</source>
            <translation>プロファイルの削除</translation>
        </message>
        <message>
            <source>Remove the profile %1?</source>
            <translation>プロファイル %1 を削除しますか？</translation>
        </message>
        <message>
            <source>Its pinned certificate and its remembered sign-in are forgotten. The service itself is not affected.</source>
            <translation>固定された証明書と保存されたサインイン情報は削除されます。サービス自体には影響しません。</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>削除(&amp;R)</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::WelcomeDialog</name>
        <message>
            <source>Welcome to Engage</source>
            <translation>Engage へようこそ</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Welcome to Engage&lt;/h3&gt;&lt;p&gt;Engage runs your company's engagement surveys. Where would you like to start?&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Engage へようこそ&lt;/h3&gt;&lt;p&gt;Engage は、会社のエンゲージメントサーベイを運用するためのアプリケーションです。どこから始めますか？&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Use a &amp;saved connection</source>
            <translation>保存済みの接続を使う(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Connect to your company's service</source>
            <translation>会社のサービスに接続する(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>名前(&amp;N):</translation>
        </message>
        <message>
            <source>e.g. Head office</source>
            <translation>例: 本社</translation>
        </message>
        <message>
            <source>&amp;Address:</source>
            <translation>アドレス(&amp;A):</translation>
        </message>
        <message>
            <source>https://engage.example.com</source>
            <translation>https://engage.example.com</translation>
        </message>
        <message>
            <source>Try the &amp;demo</source>
            <translation>デモを試す(&amp;D)</translation>
        </message>
        <message>
            <source>Starts a demo service on this computer, with two sample companies, and signs you in.</source>
            <translation>このコンピューターで 2 つのサンプル会社を含むデモサービスを起動し、サインインします。</translation>
        </message>
        <message>
            <source>C&amp;ontinue</source>
            <translation>続ける(&amp;O)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>終了(&amp;Q)</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <source>Engage: run your company's engagement surveys and manage who administers them.</source>
            <translation>Engage: 会社のエンゲージメントサーベイを運用し、その管理者を管理します。</translation>
        </message>
        <message>
            <source>Start the demo service on this computer and sign in to it.</source>
            <translation>このコンピューターでデモサービスを起動してサインインします。</translation>
        </message>
        <message>
            <source>name</source>
            <translation>名前</translation>
        </message>
        <message>
            <source>Connect with the saved connection &lt;name&gt;.</source>
            <translation>保存済みの接続 &lt;name&gt; で接続します。</translation>
        </message>
        <message>
            <source>Use this language (Japanese or English) instead of the saved one.</source>
            <translation>保存された言語の代わりに、この言語（ja または en）を使います。</translation>
        </message>
        <message>
            <source>Unknown language “%1”: use ja or en.</source>
            <translation>不明な言語「%1」です。ja または en を指定してください。</translation>
        </message>
    </context>
</TS>
