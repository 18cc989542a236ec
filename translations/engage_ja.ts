<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
    <context>
        <name>PageActions</name>
        <message>
            <source>%1 (%2)</source>
            <extracomment>A button's tooltip (%1) followed by its keyboard shortcut (%2).</extracomment>
            <translation>%1（%2）</translation>
        </message>
    </context>
    <context>
        <name>engage::app</name>
        <message>
            <source>Export through the saved connection &lt;name&gt;.</source>
            <translation>保存済みの接続 &lt;name&gt; を使ってエクスポートします。</translation>
        </message>
        <message>
            <source>name</source>
            <translation>名前</translation>
        </message>
        <message>
            <source>Start the demo service on this computer and export from it.</source>
            <translation>このコンピューターでデモサービスを起動し、そこからエクスポートします。</translation>
        </message>
        <message>
            <source>What to export.</source>
            <translation>エクスポートする内容を指定します。</translation>
        </message>
        <message>
            <source>The file to write (.xlsx; .csv for members and logs; .zip for everything).</source>
            <translation>書き出すファイル（.xlsx。メンバーとログは .csv も可。すべての場合は .zip）。</translation>
        </message>
        <message>
            <source>file</source>
            <translation>ファイル</translation>
        </message>
        <message>
            <source>Start the export session of the connection with the password read from the standard input.</source>
            <translation>標準入力から読み込んだパスワードで、この接続のエクスポート用セッションを開始します。</translation>
        </message>
        <message>
            <source>Which log --what logs exports (access by default).</source>
            <translation>--what logs でエクスポートするログ（既定はアクセスログ）。</translation>
        </message>
        <message>
            <source>Use this language.</source>
            <translation>この言語を使用します。</translation>
        </message>
        <message>
            <source>The export command.</source>
            <translation>エクスポートコマンド。</translation>
        </message>
        <message>
            <source>Give either --profile NAME or --demo.</source>
            <translation>--profile NAME と --demo のどちらか一方を指定してください。</translation>
        </message>
        <message>
            <source>--what must be members, results, logs or everything.</source>
            <translation>--what には members、results、logs、everything のいずれかを指定してください。</translation>
        </message>
        <message>
            <source>Give the file to write with --out FILE.</source>
            <translation>書き込むファイルを --out FILE で指定してください。</translation>
        </message>
        <message>
            <source>Results are a workbook of several sheets: write them to an .xlsx file.</source>
            <translation>結果は複数のシートからなるブックです。.xlsx ファイルに書き出してください。</translation>
        </message>
        <message>
            <source>--log goes with --what logs and is access, operation or error.</source>
            <translation>--log は --what logs と共に指定し、access、operation、error のいずれかです。</translation>
        </message>
        <message>
            <source>The folder of %1 does not exist.</source>
            <translation>%1 の保存先フォルダーが存在しません。</translation>
        </message>
        <message>
            <source>Unknown language “%1”: use ja or en.</source>
            <translation>不明な言語「%1」です。ja または en を指定してください。</translation>
        </message>
        <message>
            <source>Export members, results or logs to an Excel workbook, or everything to a zip of workbooks, without a window.</source>
            <translation>ウィンドウを開かずに、メンバー・結果・ログのいずれかを Excel ブックに、またはすべてのデータを複数のブックからなる ZIP ファイルにエクスポートします。</translation>
        </message>
        <message>
            <source>Do not contact the service: export the offline data that the Engage window keeps for the connection.</source>
            <translation>サービスに接続せず、Engage のウィンドウがこの接続用に保存しているオフラインデータをエクスポートします。</translation>
        </message>
        <message>
            <source>Everything is a zip of workbooks: write it, and only it, to a .zip file.</source>
            <translation>すべてのデータ（everything）は複数のブックからなる ZIP ファイルです。.zip ファイルに書き出してください。.zip ファイルに書き出せるのは everything だけです。</translation>
        </message>
        <message>
            <source>--offline exports the offline data of a saved connection: give it with --profile NAME instead of --demo.</source>
            <translation>--offline は保存済みの接続のオフラインデータをエクスポートします。--demo ではなく --profile NAME と共に指定してください。</translation>
        </message>
        <message>
            <source>--offline never contacts the service, so it cannot sign in: leave out --sign-in.</source>
            <translation>--offline はサービスに接続しないため、サインインできません。--sign-in は指定しないでください。</translation>
        </message>
    </context>
    <context>
        <name>engage::app::ExportCommand</name>
        <message>
            <source>Signing in failed: %1</source>
            <translation>サインインに失敗しました: %1</translation>
        </message>
        <message>
            <source>The password must be changed first: sign in once in the Engage window.</source>
            <translation>先にパスワードを変更する必要があります。Engage のウィンドウで一度サインインしてください。</translation>
        </message>
        <message>
            <source>The demo service announced no company.</source>
            <translation>デモサービスから会社が通知されませんでした。</translation>
        </message>
        <message>
            <source>There is no saved connection named “%1”.</source>
            <translation>「%1」という名前の保存済みの接続はありません。</translation>
        </message>
        <message>
            <source>Nobody has signed in with the connection “%1” yet: sign in once in the Engage window.</source>
            <translation>接続「%1」では、まだ誰もサインインしていません。Engage のウィンドウで一度サインインしてください。</translation>
        </message>
        <message>
            <source>--sign-in reads the password from the standard input, which was empty.</source>
            <translation>--sign-in は標準入力からパスワードを読み込みますが、標準入力が空でした。</translation>
        </message>
        <message>
            <source>The keychain that keeps the key of the offline data could not be read: %1</source>
            <translation>オフラインデータの鍵を保管しているキーチェーンを読み取れませんでした: %1</translation>
        </message>
        <message>
            <source>The offline data could not be read.</source>
            <translation>オフラインデータを読み取れませんでした。</translation>
        </message>
        <message>
            <source>There is no offline data for the connection “%1”: sign in once in the Engage window while the service can be reached.</source>
            <translation>接続「%1」のオフラインデータはありません。サービスに接続できるときに、Engage のウィンドウで一度サインインしてください。</translation>
        </message>
        <message>
            <source>The offline data of the connection “%1” does not hold this export yet: sign in with the Engage window while the service can be reached, and it keeps this data within a minute.</source>
            <translation>接続「%1」のオフラインデータには、このエクスポートの内容がまだ含まれていません。サービスに接続できるときに Engage のウィンドウでサインインすると、1 分以内にこのデータが保存されます。</translation>
        </message>
        <message>
            <source>The offline data of the connection “%1” holds no rows of this log: show it on the Logs page of the Engage window while the service can be reached, and the window keeps its most recent rows.</source>
            <translation>接続「%1」のオフラインデータには、このログの行がありません。サービスに接続できるときに Engage のウィンドウのログページでこのログを表示すると、最新の行が保存されます。</translation>
        </message>
    </context>
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
        <name>engage::models::AttributeBreakdownModel</name>
        <message>
            <source>(none)</source>
            <extracomment>The row of the attribute breakdown for members without a value.</extracomment>
            <translation>（未設定）</translation>
        </message>
        <message>
            <source>Value</source>
            <extracomment>Column of the attribute breakdown: the attribute's values, one per row.</extracomment>
            <translation>値</translation>
        </message>
    </context>
    <context>
        <name>engage::models::AttributeListModel</name>
        <message>
            <source>Name</source>
            <extracomment>Column of the attributes table: the name in the language of the user interface.</extracomment>
            <translation>名前</translation>
        </message>
        <message>
            <source>Name in English</source>
            <extracomment>Column of the attributes table: the name in the other language (English in a Japanese user interface, Japanese in an English one).</extracomment>
            <translation>英語名</translation>
        </message>
        <message>
            <source>Name in Japanese</source>
            <translation>日本語名</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>種類</translation>
        </message>
        <message>
            <source>Choices</source>
            <translation>選択肢</translation>
        </message>
        <message>
            <source>Choice</source>
            <extracomment>Type of an attribute: one of a list of choices.</extracomment>
            <translation>選択肢</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>数値</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日付</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>テキスト</translation>
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
            <translation>この実施回の対象者はいません。</translation>
        </message>
        <message>
            <source>Response rate</source>
            <translation>回答率</translation>
        </message>
        <message>
            <source>Members who answered the round, of those invited.</source>
            <translation>対象者のうち、この実施回に回答したメンバーの割合です。</translation>
        </message>
        <message>
            <source>Withheld to keep answers anonymous: fewer than %1 respondents (%2).</source>
            <extracomment>A withheld score: %1 is the tenant's anonymity threshold, %2 how many answered.</extracomment>
            <translation>回答の匿名性を守るため非表示にしています。回答者が %1 人未満です（%2 人）。</translation>
        </message>
        <message>
            <source>Withheld to keep answers anonymous: together with the scores shown beside it, it would reveal a group too small to show.</source>
            <translation>回答の匿名性を守るため非表示にしています。隣に表示されているスコアと組み合わせると、表示できないほど少人数のグループの結果がわかってしまいます。</translation>
        </message>
        <message>
            <source>No score: nobody answered these questions within the validity period.</source>
            <translation>スコアなし: 有効期間内にこれらの設問への回答がありませんでした。</translation>
        </message>
        <message numerus="yes">
            <source>%1 of %Ln invited member(s) answered.</source>
            <extracomment>%1 respondents of %2 members invited to the round.</extracomment>
            <translation>
                <numerusform>対象者 %Ln 人中 %1 人が回答しました。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Rests on %Ln respondent(s).</source>
            <translation>
                <numerusform>回答者 %Ln 人に基づきます。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>engage::models::DeliveryLogModel</name>
        <message>
            <source>Invitation</source>
            <translation>招待</translation>
        </message>
        <message>
            <source>Reminder %1</source>
            <extracomment>The n-th reminder of a round, e.g. "Reminder 2".</extracomment>
            <translation>リマインダー（%1 回目）</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>メール</translation>
        </message>
        <message>
            <source>On paper</source>
            <extracomment>A delivery channel: the link handed out on a printed sheet or in a CSV.</extracomment>
            <translation>紙で配布</translation>
        </message>
        <message>
            <source>Waiting to retry</source>
            <extracomment>A delivery not made yet that failed before and will be tried again.</extracomment>
            <translation>保留中（再送待ち）</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>保留中</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>送信済み</translation>
        </message>
        <message>
            <source>Refused</source>
            <extracomment>The mail server refused the e-mail for good.</extracomment>
            <translation>不達</translation>
        </message>
        <message>
            <source>Not named</source>
            <extracomment>The recipient of a reminder, which the log does not name.</extracomment>
            <translation>（非表示）</translation>
        </message>
        <message>
            <source>Removed member</source>
            <translation>削除されたメンバー</translation>
        </message>
        <message>
            <source>%1 &lt;%2&gt;</source>
            <extracomment>A recipient: %1 the member's name, %2 their e-mail address.</extracomment>
            <translation>%1 &lt;%2&gt;</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <extracomment>A recipient without e-mail: %1 the member's name, %2 their employee code.</extracomment>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <source>Due %1, done %2</source>
            <translation>予定: %1、完了: %2</translation>
        </message>
        <message>
            <source>Due %1</source>
            <translation>予定: %1</translation>
        </message>
        <message numerus="yes">
            <source>%n attempt(s) so far.</source>
            <translation>
                <numerusform>これまでに %n 回試行しました。</numerusform>
            </translation>
        </message>
        <message>
            <source>A reminder goes only to those who have not answered, so the log does not say whom: it would tell who had not answered yet.</source>
            <translation>リマインダーは未回答のメンバーにのみ送信されるため、ログには宛先を表示しません。表示すると、誰がまだ回答していないかがわかってしまいます。</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>日時</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>ステータス</translation>
        </message>
        <message>
            <source>Delivery</source>
            <translation>配信</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>配信方法</translation>
        </message>
        <message>
            <source>Recipient</source>
            <translation>宛先</translation>
        </message>
        <message>
            <source>Mail server's answer</source>
            <extracomment>Column of the delivery log: what the mail server answered.</extracomment>
            <translation>メールサーバーの応答</translation>
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
        <name>engage::models::DraftAutosaver</name>
        <message>
            <source>Take the version saved by someone else</source>
            <translation>他のユーザーが保存したバージョンの取り込み</translation>
        </message>
    </context>
    <context>
        <name>engage::models::EverythingExport</name>
        <message>
            <source>Members</source>
            <translation>メンバー</translation>
        </message>
        <message>
            <source>Results</source>
            <translation>結果</translation>
        </message>
        <message>
            <source>Survey definitions</source>
            <translation>サーベイ定義</translation>
        </message>
        <message>
            <source>Access log</source>
            <translation>アクセスログ</translation>
        </message>
        <message>
            <source>Operation log</source>
            <translation>操作ログ</translation>
        </message>
        <message>
            <source>Error log</source>
            <translation>エラーログ</translation>
        </message>
        <message>
            <source>everything</source>
            <comment>the default name of the zip with every workbook</comment>
            <translation>全データ</translation>
        </message>
        <message>
            <source>No temporary folder could be made for the workbooks: %1</source>
            <translation>ブック用の一時フォルダーを作成できませんでした: %1</translation>
        </message>
        <message>
            <source>%1 could not be exported: %2</source>
            <translation>「%1」をエクスポートできませんでした: %2</translation>
        </message>
        <message>
            <source>The file %1 could not be written: %2</source>
            <translation>ファイル %1 を書き込めませんでした: %2</translation>
        </message>
        <message>
            <source>The logs are not included: the service gives them only to administrators of a company with the security option.</source>
            <translation>ログは含まれていません。サービスがログを提供するのは、セキュリティオプションを利用している会社の管理者に限られます。</translation>
        </message>
        <message>
            <source>Not included, as the service could not be reached and no recent rows of them were kept for use offline: %1. The Engage window keeps a log's recent rows once it has been shown on the Logs page.</source>
            <translation>サービスに接続できず、オフライン用に最新の行も保存されていなかったため、次のログは含まれていません: %1。Engage のウィンドウは、ログページで表示したログの最新の行を保存します。</translation>
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
            <translation>エクスポートする内容がありませんでした。</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
    </context>
    <context>
        <name>engage::models::FactorScoreModel</name>
        <message>
            <source>Change from the previous round.</source>
            <translation>前回の実施回からの変化です。</translation>
        </message>
        <message>
            <source>Factor</source>
            <extracomment>Column of the factor table: engagement, the factors, their sub-items and questions.</extracomment>
            <translation>要素</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>スコア</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>前回比</translation>
        </message>
        <message>
            <source>Benchmark</source>
            <extracomment>Column of the factor table: the tenant's own target or industry figure.</extracomment>
            <translation>ベンチマーク</translation>
        </message>
        <message>
            <source>Respondents</source>
            <translation>回答者数</translation>
        </message>
    </context>
    <context>
        <name>engage::models::GroupTreeModel</name>
        <message>
            <source>All members (%L1)</source>
            <extracomment>The item above every group in the tree, with the number of members in groups.</extracomment>
            <translation>すべてのメンバー（%L1）</translation>
        </message>
        <message>
            <source>%1 (%L2)</source>
            <extracomment>A group in the tree: its name (%1) and the members of it and its subgroups (%2).</extracomment>
            <translation>%1（%L2）</translation>
        </message>
        <message>
            <source>%1
Code: %2
Members: %L3 (%L4 directly in this group)</source>
            <extracomment>A group's tooltip: its name, code and member count.</extracomment>
            <translation>%1
コード: %2
メンバー: %L3 人（うちこのグループ直属 %L4 人）</translation>
        </message>
    </context>
    <context>
        <name>engage::models::HeatmapModel</name>
        <message>
            <source>Whole company</source>
            <extracomment>The heatmap's row for the whole tenant, above its groups.</extracomment>
            <translation>全社</translation>
        </message>
        <message>
            <source>Group</source>
            <extracomment>Column of the heatmap: the groups of the company, one per row.</extracomment>
            <translation>グループ</translation>
        </message>
    </context>
    <context>
        <name>engage::models::ImportPreviewModel</name>
        <message>
            <source>active</source>
            <extracomment>A member's status in an import's changes.</extracomment>
            <translation>在籍</translation>
        </message>
        <message>
            <source>on leave</source>
            <translation>休職中</translation>
        </message>
        <message>
            <source>left</source>
            <translation>退職</translation>
        </message>
        <message>
            <source>yes</source>
            <extracomment>Whether a member receives surveys, in an import's changes.</extracomment>
            <translation>はい</translation>
        </message>
        <message>
            <source>no</source>
            <translation>いいえ</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <extracomment>A field (or a column of the file, %1) and what is said about it (%2).</extracomment>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>a value is required</source>
            <translation>値が必要です</translation>
        </message>
        <message>
            <source>the value is not valid</source>
            <translation>値が正しくありません</translation>
        </message>
        <message>
            <source>the value is too long</source>
            <translation>値が長すぎます</translation>
        </message>
        <message>
            <source>not a date (write it as 2024-04-01)</source>
            <translation>日付ではありません（2024-04-01 の形式で入力してください）</translation>
        </message>
        <message>
            <source>not a number</source>
            <translation>数値ではありません</translation>
        </message>
        <message>
            <source>not one of the attribute's choices</source>
            <translation>属性の選択肢にない値です</translation>
        </message>
        <message>
            <source>no such group (choose to create new groups to add it)</source>
            <translation>このグループはありません（追加するには、新しいグループの作成を選んでください）</translation>
        </message>
        <message>
            <source>no member has this ID</source>
            <translation>この ID のメンバーはいません</translation>
        </message>
        <message>
            <source>another row of the file has the same value</source>
            <translation>ファイル内の別の行に同じ値があります</translation>
        </message>
        <message>
            <source>another member has this e-mail</source>
            <translation>このメールアドレスは別のメンバーが使用しています</translation>
        </message>
        <message>
            <source>another member has this employee code</source>
            <translation>この社員番号は別のメンバーが使用しています</translation>
        </message>
        <message>
            <source>a member needs an e-mail or an employee code</source>
            <translation>メンバーにはメールアドレスか社員番号が必要です</translation>
        </message>
        <message>
            <source>matches more than one member</source>
            <translation>複数のメンバーに一致します</translation>
        </message>
        <message>
            <source>; </source>
            <extracomment>Separates the changes (or errors) of one row of an import on one line.</extracomment>
            <translation>／</translation>
        </message>
        <message>
            <source>Row</source>
            <extracomment>Column of an import's preview: the row number in the file.</extracomment>
            <translation>行</translation>
        </message>
        <message>
            <source>Result</source>
            <extracomment>Column of an import's preview: new, changed or error.</extracomment>
            <translation>結果</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>氏名</translation>
        </message>
        <message>
            <source>Employee code</source>
            <translation>社員番号</translation>
        </message>
        <message>
            <source>Changes</source>
            <translation>変更内容</translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>問題点</translation>
        </message>
        <message>
            <source>New</source>
            <extracomment>A row of an import that adds a member.</extracomment>
            <translation>新規</translation>
        </message>
        <message>
            <source>Changed</source>
            <extracomment>A row of an import that changes a member.</extracomment>
            <translation>変更</translation>
        </message>
        <message>
            <source>Unchanged</source>
            <translation>変更なし</translation>
        </message>
        <message>
            <source>Error</source>
            <extracomment>A row of an import that cannot be imported.</extracomment>
            <translation>エラー</translation>
        </message>
        <message>
            <source>Deleted attribute</source>
            <extracomment>A column mapped to an attribute that no longer exists.</extracomment>
            <translation>削除された属性</translation>
        </message>
        <message>
            <source>Member ID</source>
            <extracomment>A target of an import's column: Engage's own id of a member.</extracomment>
            <translation>メンバーID</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>メールアドレス</translation>
        </message>
        <message>
            <source>Family name</source>
            <translation>姓</translation>
        </message>
        <message>
            <source>Given name</source>
            <translation>名</translation>
        </message>
        <message>
            <source>Full name (family name first)</source>
            <extracomment>A target of an import's column: family and given name in one cell.</extracomment>
            <translation>氏名（姓・名の順）</translation>
        </message>
        <message>
            <source>Group path</source>
            <extracomment>A target of an import's column: groups from the top, such as Head office/Sales/Tokyo.</extracomment>
            <translation>グループパス</translation>
        </message>
        <message>
            <source>Group code</source>
            <translation>グループコード</translation>
        </message>
        <message>
            <source>Hire date</source>
            <translation>入社日</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>生年月日</translation>
        </message>
        <message>
            <source>Employment type</source>
            <translation>雇用形態</translation>
        </message>
        <message>
            <source>Grade</source>
            <translation>等級</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>役職</translation>
        </message>
        <message>
            <source>Job category</source>
            <translation>職種</translation>
        </message>
        <message>
            <source>Status</source>
            <extracomment>A target of an import's column: active, on leave or left.</extracomment>
            <translation>状態</translation>
        </message>
        <message>
            <source>Receives surveys</source>
            <translation>サーベイ対象</translation>
        </message>
        <message>
            <source>Memo</source>
            <translation>メモ</translation>
        </message>
        <message>
            <source>%1: %2 → %3</source>
            <extracomment>A field an import changes: the field (%1), its value before (%2) and after (%3).</extracomment>
            <translation>%1: %2 → %3</translation>
        </message>
        <message>
            <source>Language</source>
            <extracomment>A target of an import's column: the language of a member's e-mails and survey page.</extracomment>
            <translation>言語</translation>
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
                <numerusform>%1～%2（%Ln 行）</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 to %2</source>
            <extracomment>%1 the oldest row's date, %2 the newest's.</extracomment>
            <translation>%1 ～ %2</translation>
        </message>
        <message>
            <source>Log</source>
            <translation>ログ</translation>
        </message>
        <message>
            <source>Rows</source>
            <translation>行</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>期間</translation>
        </message>
        <message>
            <source>Archived</source>
            <translation>アーカイブ日時</translation>
        </message>
    </context>
    <context>
        <name>engage::models::LogExportSource</name>
        <message>
            <source>Access log</source>
            <translation>アクセスログ</translation>
        </message>
        <message>
            <source>Operation log</source>
            <translation>操作ログ</translation>
        </message>
        <message>
            <source>Error log</source>
            <translation>エラーログ</translation>
        </message>
        <message>
            <source>From: %1</source>
            <translation>%1 以降</translation>
        </message>
        <message>
            <source>Before: %1</source>
            <translation>%1 より前</translation>
        </message>
        <message>
            <source>Person: %1</source>
            <translation>ユーザー: %1</translation>
        </message>
        <message>
            <source>Action: %1</source>
            <translation>操作: %1</translation>
        </message>
        <message>
            <source>Method: %1</source>
            <translation>メソッド: %1</translation>
        </message>
        <message>
            <source>Target type: %1</source>
            <translation>対象の種類: %1</translation>
        </message>
        <message>
            <source>Target ID: %1</source>
            <translation>対象ID: %1</translation>
        </message>
        <message>
            <source>Status: %1</source>
            <translation>ステータス: %1</translation>
        </message>
        <message>
            <source>IP address: %1</source>
            <translation>IP アドレス: %1</translation>
        </message>
        <message>
            <source>Search: %1</source>
            <translation>検索: %1</translation>
        </message>
        <message>
            <source> · </source>
            <extracomment>Separates the filters of a log export on its cover.</extracomment>
            <translation> · </translation>
        </message>
        <message>
            <source>logs</source>
            <translation>ログ</translation>
        </message>
        <message numerus="yes">
            <source>Only the %n most recent rows, kept for use offline: the service could not be reached.</source>
            <extracomment>On the cover of a log export made while the service could not be reached.</extracomment>
            <translation>
                <numerusform>サービスに接続できなかったため、オフライン用に保存されている直近の %n 行のみです。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>engage::models::LogExportTable</name>
        <message>
            <source>No.</source>
            <extracomment>Column of a log export: the row's position in the log.</extracomment>
            <translation>行番号</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>日時</translation>
        </message>
        <message>
            <source>Changed by</source>
            <translation>変更者</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>ユーザー</translation>
        </message>
        <message>
            <source>Changed by (ID)</source>
            <translation>変更者（ID）</translation>
        </message>
        <message>
            <source>Person ID</source>
            <translation>ユーザーID</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>メソッド</translation>
        </message>
        <message>
            <source>Path</source>
            <translation>パス</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>ステータス</translation>
        </message>
        <message>
            <source>Duration (ms)</source>
            <extracomment>Column of the access log export: how long the service took to answer.</extracomment>
            <translation>所要時間（ms）</translation>
        </message>
        <message>
            <source>IP address</source>
            <translation>IP アドレス</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>クライアント</translation>
        </message>
        <message>
            <source>Request ID</source>
            <translation>リクエストID</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>Target type</source>
            <translation>対象の種類</translation>
        </message>
        <message>
            <source>Target ID</source>
            <translation>対象ID</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>概要</translation>
        </message>
        <message>
            <source>Changes</source>
            <translation>変更内容</translation>
        </message>
        <message>
            <source>Route</source>
            <translation>ルート</translation>
        </message>
        <message>
            <source>Error code</source>
            <translation>エラーコード</translation>
        </message>
        <message>
            <source>Failed part</source>
            <translation>障害箇所</translation>
        </message>
        <message>
            <source>%1 (changed)</source>
            <extracomment>A changed field in a log export whose values are personal and not shown.</extracomment>
            <translation>%1（変更あり）</translation>
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
            <translation>アクセスログ</translation>
        </message>
        <message>
            <source>Operation log</source>
            <translation>操作ログ</translation>
        </message>
        <message>
            <source>Error log</source>
            <translation>エラーログ</translation>
        </message>
        <message>
            <source>the row was changed after it was written</source>
            <translation>行が書き込み後に変更されています</translation>
        </message>
        <message>
            <source>a row before it was removed or inserted</source>
            <translation>それより前の行が削除または挿入されています</translation>
        </message>
        <message>
            <source>a row number is missing or repeated</source>
            <translation>行番号が欠けているか重複しています</translation>
        </message>
        <message>
            <source>the newest row does not match the chain's head</source>
            <translation>最新の行がチェーンの先頭と一致しません</translation>
        </message>
        <message>
            <source>rows recorded in the signed checkpoint are gone</source>
            <translation>署名付きチェックポイントに記録された行が失われています</translation>
        </message>
        <message>
            <source>the signed checkpoint is unreadable or its signature fails</source>
            <translation>署名付きチェックポイントを読み取れないか、署名の検証に失敗しました</translation>
        </message>
        <message>
            <source>%1: broken from row %2: %3.</source>
            <extracomment>%1 the log ("Operation log"), %2 the number of the first broken row, %3 what is wrong.</extracomment>
            <translation>%1: %2 行目以降の整合性が失われています（%3）。</translation>
        </message>
        <message numerus="yes">
            <source>%1: intact, %Ln row(s) checked.</source>
            <extracomment>%1 the log ("Access log"); %n rows checked.</extracomment>
            <translation>
                <numerusform>%1: 改ざんはありません（%Ln 行を確認）。</numerusform>
            </translation>
        </message>
        <message>
            <source>a signed archive file of older rows is missing or has been altered</source>
            <translation>古い行を収めた署名付きアーカイブファイルが見つからないか、改ざんされています</translation>
        </message>
    </context>
    <context>
        <name>engage::models::LogWindowModel</name>
        <message>
            <source>Time</source>
            <extracomment>Column of the log viewer: when the request came or the change was made.</extracomment>
            <translation>日時</translation>
        </message>
        <message>
            <source>Person</source>
            <extracomment>Column of the log viewer: who made the request or the change.</extracomment>
            <translation>ユーザー</translation>
        </message>
        <message>
            <source>Method</source>
            <extracomment>Column of the access log: the HTTP method (GET, POST, ...).</extracomment>
            <translation>メソッド</translation>
        </message>
        <message>
            <source>Path</source>
            <extracomment>Column of the access log: the address of what was requested.</extracomment>
            <translation>パス</translation>
        </message>
        <message>
            <source>Status</source>
            <extracomment>Column of the access and error logs: the HTTP status answered (200, 404, ...).</extracomment>
            <translation>ステータス</translation>
        </message>
        <message>
            <source>Duration</source>
            <extracomment>Column of the access log: how long the service took to answer.</extracomment>
            <translation>所要時間</translation>
        </message>
        <message>
            <source>IP address</source>
            <extracomment>Column of the access log: the IP address the request came from.</extracomment>
            <translation>IP アドレス</translation>
        </message>
        <message>
            <source>Client</source>
            <extracomment>Column of the access log: the program that sent the request.</extracomment>
            <translation>クライアント</translation>
        </message>
        <message>
            <source>Action</source>
            <extracomment>Column of the operation log: what was done (member.update, ...).</extracomment>
            <translation>操作</translation>
        </message>
        <message>
            <source>Target</source>
            <extracomment>Column of the operation log: what the change was made to.</extracomment>
            <translation>対象</translation>
        </message>
        <message>
            <source>Summary</source>
            <extracomment>Column of the operation log: which fields the change touched.</extracomment>
            <translation>概要</translation>
        </message>
        <message>
            <source>Route</source>
            <extracomment>Column of the error log: the kind of request that failed.</extracomment>
            <translation>ルート</translation>
        </message>
        <message>
            <source>Error code</source>
            <extracomment>Column of the error log: the error code answered.</extracomment>
            <translation>エラーコード</translation>
        </message>
        <message>
            <source>Failed part</source>
            <extracomment>Column of the error log: the part of the service that failed.</extracomment>
            <translation>障害箇所</translation>
        </message>
        <message>
            <source>Request ID</source>
            <translation>リクエストID</translation>
        </message>
        <message>
            <source>Loading…</source>
            <extracomment>A row of the log viewer still on its way from the service.</extracomment>
            <translation>読み込んでいます…</translation>
        </message>
        <message>
            <source>Anonymous</source>
            <extracomment>Who made a request without signing in, in the log viewer.</extracomment>
            <translation>匿名</translation>
        </message>
        <message>
            <source>%1 ms</source>
            <extracomment>How long the service took to answer, in milliseconds.</extracomment>
            <translation>%1 ms</translation>
        </message>
        <message>
            <source>The service</source>
            <extracomment>The actor of a change the service made itself (at start-up, a scheduled job).</extracomment>
            <translation>サービス</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <extracomment>A line of a log row copied to the clipboard: %1 the field, %2 its value.</extracomment>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Row</source>
            <extracomment>The number of a row in the tenant's log, as copied to the clipboard.</extracomment>
            <translation>行番号</translation>
        </message>
        <message>
            <source>%1: (personal, not shown)</source>
            <extracomment>A personal field of a change, copied: %1 the field; the values are not shown.</extracomment>
            <translation>%1: （個人情報のため非表示）</translation>
        </message>
        <message>
            <source>%1: %2 → %3</source>
            <extracomment>A field of a change, copied: %1 the field, %2 before, %3 after.</extracomment>
            <translation>%1: %2 → %3</translation>
        </message>
        <message>
            <source>%2 (%1)</source>
            <extracomment>A change's target in the operation log: %1 its type ("member"), %2 its id.</extracomment>
            <translation>%2（%1）</translation>
        </message>
    </context>
    <context>
        <name>engage::models::MemberExportSource</name>
        <message>
            <source>Members</source>
            <translation>メンバー</translation>
        </message>
        <message>
            <source>members</source>
            <translation>メンバー</translation>
        </message>
    </context>
    <context>
        <name>engage::models::MemberTableModel</name>
        <message>
            <source>Name</source>
            <extracomment>Column of the members table: family and given name.</extracomment>
            <translation>氏名</translation>
        </message>
        <message>
            <source>Employee code</source>
            <translation>社員番号</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>メールアドレス</translation>
        </message>
        <message>
            <source>Group</source>
            <extracomment>Column of the members table: the department the member belongs to.</extracomment>
            <translation>グループ</translation>
        </message>
        <message>
            <source>Employment type</source>
            <extracomment>Column of the members table: full-time, part-time, contract, ...</extracomment>
            <translation>雇用形態</translation>
        </message>
        <message>
            <source>Position</source>
            <extracomment>Column of the members table: the member's job title.</extracomment>
            <translation>役職</translation>
        </message>
        <message>
            <source>Status</source>
            <extracomment>Column of the members table: active, on leave or left.</extracomment>
            <translation>状態</translation>
        </message>
        <message>
            <source>Hire date</source>
            <translation>入社日</translation>
        </message>
        <message>
            <source>Active</source>
            <extracomment>Status of a member who works and answers surveys.</extracomment>
            <translation>在籍</translation>
        </message>
        <message>
            <source>On leave</source>
            <extracomment>Status of a member on parental, sick or other leave.</extracomment>
            <translation>休職中</translation>
        </message>
        <message>
            <source>Left</source>
            <extracomment>Status of a member who has left the company.</extracomment>
            <translation>退職</translation>
        </message>
    </context>
    <context>
        <name>engage::models::ModelExporter</name>
        <message>
            <source>About this export</source>
            <translation>このエクスポートについて</translation>
        </message>
        <message>
            <source>Tenant</source>
            <translation>会社</translation>
        </message>
        <message>
            <source>Filters</source>
            <translation>絞り込み条件</translation>
        </message>
        <message>
            <source>None: everything shown</source>
            <translation>なし（すべて表示）</translation>
        </message>
        <message>
            <source>Exported at</source>
            <translation>エクスポート日時</translation>
        </message>
        <message>
            <source>Data as of</source>
            <translation>データの時点</translation>
        </message>
        <message>
            <source>Anonymity threshold (fewest respondents shown)</source>
            <translation>匿名性のしきい値（結果を表示する最少の回答者数）</translation>
        </message>
        <message>
            <source>Texts cut at Excel's limit of 32,767 characters (they end with "…")</source>
            <translation>Excel の上限（32,767 文字）で切り詰めたテキスト（末尾が「…」）</translation>
        </message>
        <message>
            <source>The table changed while it was being exported, so the export stopped. Export it again.</source>
            <translation>エクスポート中に表が変更されたため、エクスポートを中止しました。もう一度エクスポートしてください。</translation>
        </message>
        <message>
            <source>%1 could not be written: %2</source>
            <translation>%1 を書き込めませんでした: %2</translation>
        </message>
    </context>
    <context>
        <name>engage::models::PriorityModel</name>
        <message>
            <source>Not placed</source>
            <extracomment>Priority chart: a factor whose score or impact is withheld has no place.</extracomment>
            <translation>配置なし</translation>
        </message>
        <message>
            <source>Act first</source>
            <extracomment>Priority chart: low score, high impact on engagement.</extracomment>
            <translation>最優先で改善</translation>
        </message>
        <message>
            <source>Keep up</source>
            <extracomment>Priority chart: high score, high impact on engagement.</extracomment>
            <translation>強みを維持</translation>
        </message>
        <message>
            <source>Watch</source>
            <extracomment>Priority chart: low score, low impact on engagement.</extracomment>
            <translation>経過観察</translation>
        </message>
        <message>
            <source>Low priority</source>
            <extracomment>Priority chart: high score, low impact on engagement.</extracomment>
            <translation>優先度低</translation>
        </message>
        <message>
            <source>No impact: it needs at least three respondents with both scores, and answers that differ.</source>
            <translation>影響度なし: 両方のスコアがある回答者が 3 人以上いて、回答にばらつきがある必要があります。</translation>
        </message>
        <message>
            <source>How closely this factor moves with engagement across respondents (correlation, from −1 to 1).</source>
            <translation>回答者全体で、この要素がエンゲージメントとどの程度連動しているかを示します（相関係数、−1～1）。</translation>
        </message>
        <message>
            <source>Factor</source>
            <translation>要素</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>スコア</translation>
        </message>
        <message>
            <source>Impact</source>
            <extracomment>Column of the priority table: the factor's correlation with engagement.</extracomment>
            <translation>影響度</translation>
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
        <name>engage::models::QuestionListModel</name>
        <message>
            <source>(no text yet)</source>
            <translation>（テキスト未入力）</translation>
        </message>
        <message>
            <source>Optional</source>
            <translation>任意</translation>
        </message>
        <message>
            <source>A translation is missing.</source>
            <translation>翻訳が入力されていません。</translation>
        </message>
        <message numerus="yes">
            <source>Move %n question(s)</source>
            <translation>
                <numerusform>設問の移動（%n 問）</numerusform>
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
            <translation>概要</translation>
        </message>
        <message>
            <source>Factors</source>
            <translation>要素</translation>
        </message>
        <message>
            <source>Factor scores</source>
            <translation>要素別スコア</translation>
        </message>
        <message>
            <source>Heatmap</source>
            <translation>ヒートマップ</translation>
        </message>
        <message>
            <source>Trend</source>
            <translation>推移</translation>
        </message>
        <message>
            <source>Engagement over time</source>
            <translation>エンゲージメントの推移</translation>
        </message>
        <message>
            <source>results</source>
            <translation>結果</translation>
        </message>
        <message>
            <source>%1 #%2</source>
            <extracomment>A round: %1 the survey's name, %2 the round's number.</extracomment>
            <translation>%1 第%2回</translation>
        </message>
        <message>
            <source>Round</source>
            <translation>実施回</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>前回比</translation>
        </message>
        <message>
            <source>Respondents</source>
            <translation>回答者数</translation>
        </message>
        <message>
            <source>Invited</source>
            <translation>対象者数</translation>
        </message>
        <message>
            <source>Response rate</source>
            <translation>回答率</translation>
        </message>
        <message>
            <source>Change in response rate (points)</source>
            <translation>回答率の前回比（ポイント）</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>備考</translation>
        </message>
        <message>
            <source>Factor</source>
            <translation>要素</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>スコア</translation>
        </message>
        <message>
            <source>Benchmark</source>
            <translation>ベンチマーク</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>グループ</translation>
        </message>
        <message>
            <source>%1 / %2</source>
            <comment>a group's path</comment>
            <translation>%1 / %2</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>締切日</translation>
        </message>
        <message>
            <source>Attributes</source>
            <translation>属性</translation>
        </message>
        <message>
            <source>Attribute</source>
            <translation>属性</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>値</translation>
        </message>
    </context>
    <context>
        <name>engage::models::RoundListModel</name>
        <message>
            <source>%1 · %2 #%3</source>
            <extracomment>A round in the period picker: %1 the day it closed, %2 the survey, %3 the round's number.</extracomment>
            <translation>%1 · %2 第%3回</translation>
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
            <translation>このグループの対象者は匿名性のしきい値より少ないため、回答者数は表示していません。表示すると、誰が回答したかがわかってしまいます。</translation>
        </message>
        <message numerus="yes">
            <source>%1 of %Ln member(s) answered so far.</source>
            <translation>
                <numerusform>対象者 %Ln 人中 %1 人が回答済みです。</numerusform>
            </translation>
        </message>
        <message>
            <source>Not shown</source>
            <translation>非表示</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>グループ</translation>
        </message>
        <message>
            <source>Asked</source>
            <extracomment>Column of a round's progress: the members the round was sent to.</extracomment>
            <translation>対象者数</translation>
        </message>
        <message>
            <source>Answered</source>
            <translation>回答者数</translation>
        </message>
        <message>
            <source>Response rate</source>
            <translation>回答率</translation>
        </message>
        <message>
            <source>Outside any group</source>
            <translation>（グループなし）</translation>
        </message>
        <message>
            <source>Sent %1 · Refused %2 · On paper %3 · Waiting %4</source>
            <extracomment>The delivery log's totals of a round: %1 e-mails sent, %2 refused by the mail server, %3 handed out on paper, %4 still to go.</extracomment>
            <translation>送信済み %1 · 不達 %2 · 紙で配布 %3 · 保留中 %4</translation>
        </message>
    </context>
    <context>
        <name>engage::models::SurveyDocument</name>
        <message>
            <source>Edit the Japanese name</source>
            <translation>日本語名の編集</translation>
        </message>
        <message>
            <source>Edit the English name</source>
            <translation>英語名の編集</translation>
        </message>
        <message>
            <source>Change the comment threshold</source>
            <translation>コメント表示のしきい値の変更</translation>
        </message>
        <message>
            <source>Change the start</source>
            <translation>初回配信日時の変更</translation>
        </message>
        <message>
            <source>Change the time zone</source>
            <translation>タイムゾーンの変更</translation>
        </message>
        <message>
            <source>Change the response period</source>
            <translation>回答期間の変更</translation>
        </message>
        <message>
            <source>Change how often it goes out</source>
            <translation>実施間隔の変更</translation>
        </message>
        <message>
            <source>Change the reminders</source>
            <translation>リマインダーの変更</translation>
        </message>
        <message>
            <source>Change the targets</source>
            <translation>対象者の変更</translation>
        </message>
        <message>
            <source>Add a question</source>
            <translation>設問の追加</translation>
        </message>
        <message>
            <source>Remove a question</source>
            <translation>設問の削除</translation>
        </message>
        <message>
            <source>Move a question</source>
            <translation>設問の移動</translation>
        </message>
        <message>
            <source>Edit a question's Japanese text</source>
            <translation>設問文（日本語）の編集</translation>
        </message>
        <message>
            <source>Edit a question's English text</source>
            <translation>設問文（英語）の編集</translation>
        </message>
        <message>
            <source>Change a question's type</source>
            <translation>設問形式の変更</translation>
        </message>
        <message>
            <source>Make a question required</source>
            <translation>設問を必須に変更</translation>
        </message>
        <message>
            <source>Make a question optional</source>
            <translation>設問を任意に変更</translation>
        </message>
        <message>
            <source>Add a choice</source>
            <translation>選択肢の追加</translation>
        </message>
        <message>
            <source>Remove a choice</source>
            <translation>選択肢の削除</translation>
        </message>
        <message>
            <source>Move a choice</source>
            <translation>選択肢の移動</translation>
        </message>
        <message>
            <source>Edit a choice</source>
            <translation>選択肢の編集</translation>
        </message>
    </context>
    <context>
        <name>engage::models::SurveyExportSource</name>
        <message>
            <source>Surveys</source>
            <translation>サーベイ</translation>
        </message>
        <message>
            <source>Questions</source>
            <translation>設問</translation>
        </message>
        <message>
            <source>surveys</source>
            <translation>サーベイ</translation>
        </message>
        <message>
            <source>ID</source>
            <translation>ID</translation>
        </message>
        <message>
            <source>Name (Japanese)</source>
            <translation>日本語名</translation>
        </message>
        <message>
            <source>Name (English)</source>
            <translation>英語名</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>種類</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状態</translation>
        </message>
        <message>
            <source>Start date</source>
            <translation>開始日</translation>
        </message>
        <message>
            <source>Start time</source>
            <extracomment>Column of the surveys export: the time of day a round opens.</extracomment>
            <translation>開始時刻</translation>
        </message>
        <message>
            <source>Time zone</source>
            <extracomment>Column of the surveys export: the IANA time zone of the delivery times.</extracomment>
            <translation>タイムゾーン</translation>
        </message>
        <message>
            <source>Response period (days)</source>
            <translation>回答期間（日）</translation>
        </message>
        <message>
            <source>Repeats</source>
            <extracomment>Column of the surveys export: how often a round goes out ("Every 4 weeks", "Once").</extracomment>
            <translation>実施間隔</translation>
        </message>
        <message>
            <source>Reminders (days before the end)</source>
            <extracomment>Column of the surveys export: each reminder's day, counted back from the last day.</extracomment>
            <translation>リマインダー（最終日の何日前）</translation>
        </message>
        <message>
            <source>Reminder time</source>
            <translation>リマインダーの送信時刻</translation>
        </message>
        <message>
            <source>Comment threshold</source>
            <extracomment>Column of the surveys export: free-text answers are listed from this many respondents.</extracomment>
            <translation>コメント表示のしきい値</translation>
        </message>
        <message>
            <source>Revision</source>
            <translation>リビジョン</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>作成日時</translation>
        </message>
        <message>
            <source>Updated</source>
            <translation>更新日時</translation>
        </message>
        <message>
            <source>Next delivery</source>
            <translation>次回配信</translation>
        </message>
        <message>
            <source>Survey ID</source>
            <translation>サーベイID</translation>
        </message>
        <message>
            <source>Survey</source>
            <translation>サーベイ</translation>
        </message>
        <message>
            <source>Position</source>
            <extracomment>Column of the questions export: the question's place in its survey, from 1.</extracomment>
            <translation>順番</translation>
        </message>
        <message>
            <source>Question ID</source>
            <translation>設問ID</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>種類</translation>
        </message>
        <message>
            <source>Text (Japanese)</source>
            <translation>設問文（日本語）</translation>
        </message>
        <message>
            <source>Text (English)</source>
            <translation>設問文（英語）</translation>
        </message>
        <message>
            <source>Required</source>
            <translation>必須</translation>
        </message>
        <message>
            <source>Options or scale (Japanese)</source>
            <extracomment>Column of the questions export: a choice question's options or a scale's points.</extracomment>
            <translation>選択肢・尺度（日本語）</translation>
        </message>
        <message>
            <source>Options or scale (English)</source>
            <translation>選択肢・尺度（英語）</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>はい</translation>
        </message>
        <message>
            <source>No</source>
            <translation>いいえ</translation>
        </message>
    </context>
    <context>
        <name>engage::models::SurveyListModel</name>
        <message numerus="yes">
            <source>%1 of %Ln member(s) answered so far.</source>
            <translation>
                <numerusform>対象者 %Ln 人中 %1 人が回答済みです。</numerusform>
            </translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名前</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>種類</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状態</translation>
        </message>
        <message>
            <source>Response rate</source>
            <extracomment>Column of the surveys table: the share of members who answered the open round.</extracomment>
            <translation>回答率</translation>
        </message>
        <message>
            <source>Next delivery</source>
            <extracomment>Column of the surveys table: when the next round opens.</extracomment>
            <translation>次回配信</translation>
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
            <translation>平均 %1</translation>
        </message>
        <message numerus="yes">
            <source>%Ln respondent(s) answered this question.</source>
            <extracomment>How many in the slice answered a question.</extracomment>
            <translation>
                <numerusform>この設問には %Ln 人が回答しました。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 of %Ln respondent(s) gave this answer.</source>
            <extracomment>%1 answers of %2 respondents to the question.</extracomment>
            <translation>
                <numerusform>回答者 %Ln 人中 %1 人がこの回答を選びました。</numerusform>
            </translation>
        </message>
        <message>
            <source>Question</source>
            <extracomment>Column of the survey results: the question, or below it an answer.</extracomment>
            <translation>設問</translation>
        </message>
        <message>
            <source>Respondents</source>
            <extracomment>Column of the survey results: how many respondents.</extracomment>
            <translation>回答者数</translation>
        </message>
        <message>
            <source>Share</source>
            <extracomment>Column of the survey results: an answer's share of the question's respondents.</extracomment>
            <translation>割合</translation>
        </message>
        <message>
            <source>Note</source>
            <extracomment>Column of the survey results: the mean of a scale, or why results are withheld.</extracomment>
            <translation>備考</translation>
        </message>
        <message>
            <source>%1 (lowest)</source>
            <extracomment>The lowest point of the 0-10 scale; %1 is the number.</extracomment>
            <translation>%1（最も低い）</translation>
        </message>
        <message>
            <source>%1 (highest)</source>
            <extracomment>The highest point of the 0-10 scale; %1 is the number.</extracomment>
            <translation>%1（最も高い）</translation>
        </message>
        <message>
            <source>%1 (strongly disagree)</source>
            <extracomment>The lowest point of an agreement scale; %1 is the number.</extracomment>
            <translation>%1（まったくそう思わない）</translation>
        </message>
        <message>
            <source>%1 (strongly agree)</source>
            <extracomment>The highest point of an agreement scale; %1 is the number.</extracomment>
            <translation>%1（とてもそう思う）</translation>
        </message>
        <message numerus="yes">
            <source>Comments are listed only for groups of at least %n respondent(s), to keep them anonymous.</source>
            <translation>
                <numerusform>匿名性を守るため、コメントは回答者が %n 人以上のグループについてのみ表示します。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Withheld to keep answers anonymous: fewer than %n respondent(s).</source>
            <translation>
                <numerusform>回答の匿名性を守るため非表示にしています。回答者が %n 人未満です。</numerusform>
            </translation>
        </message>
        <message>
            <source>Withheld to keep answers anonymous: together with the results shown for other groups, it would reveal a group too small to show.</source>
            <translation>回答の匿名性を守るため非表示にしています。他のグループに表示されている結果と組み合わせると、表示できないほど少人数のグループの結果がわかってしまいます。</translation>
        </message>
        <message>
            <source>No comments.</source>
            <translation>コメントはありません。</translation>
        </message>
        <message>
            <source>Nobody answered this question.</source>
            <translation>この設問への回答はありません。</translation>
        </message>
        <message>
            <source>%1 Results of fewer than %2 respondents are withheld; comments are listed for groups of at least %3 respondents.</source>
            <extracomment>%1 says who answered; the rest how the results stay anonymous.</extracomment>
            <translation>%1回答者が %2 人未満の結果は非表示になり、コメントは回答者が %3 人以上のグループについてのみ表示されます。</translation>
        </message>
        <message>
            <source>%1 Fewer than %2 respondents: nothing is shown for this group, to keep answers anonymous.</source>
            <translation>%1回答の匿名性を守るため、回答者が %2 人未満のこのグループの結果は表示していません。</translation>
        </message>
        <message>
            <source>%1 Nothing is shown for this group: together with the results of the groups around it, it would reveal a group too small to show.</source>
            <translation>%1このグループの結果は表示していません。周囲のグループの結果と組み合わせると、表示できないほど少人数のグループの結果がわかってしまうためです。</translation>
        </message>
        <message>
            <source>Nobody in this group has answered yet.</source>
            <translation>このグループでは、まだ誰も回答していません。</translation>
        </message>
    </context>
    <context>
        <name>engage::models::SurveyText</name>
        <message>
            <source>Untitled survey</source>
            <translation>無題のサーベイ</translation>
        </message>
        <message>
            <source>Engagement pulse</source>
            <extracomment>The kind of survey that asks the engagement question bank on a cadence.</extracomment>
            <translation>パルスサーベイ</translation>
        </message>
        <message>
            <source>Custom survey</source>
            <extracomment>The kind of survey with questions the company writes itself.</extracomment>
            <translation>カスタムサーベイ</translation>
        </message>
        <message>
            <source>Draft</source>
            <extracomment>A survey still being written, not published.</extracomment>
            <translation>下書き</translation>
        </message>
        <message>
            <source>Scheduled</source>
            <extracomment>A published survey waiting for its next round.</extracomment>
            <translation>予定済み</translation>
        </message>
        <message>
            <source>Open</source>
            <extracomment>A survey whose round is running: members can answer.</extracomment>
            <translation>実施中</translation>
        </message>
        <message>
            <source>Closed</source>
            <extracomment>A survey whose last round has ended.</extracomment>
            <translation>終了</translation>
        </message>
        <message>
            <source>Agreement, 5 points</source>
            <translation>同意尺度（5 段階）</translation>
        </message>
        <message>
            <source>Agreement, 7 points</source>
            <translation>同意尺度（7 段階）</translation>
        </message>
        <message>
            <source>Scale from 0 to 10</source>
            <translation>0～10 の尺度</translation>
        </message>
        <message>
            <source>One choice</source>
            <translation>単一選択</translation>
        </message>
        <message>
            <source>Several choices</source>
            <translation>複数選択</translation>
        </message>
        <message>
            <source>Free text</source>
            <translation>自由記述</translation>
        </message>
        <message>
            <source>Japanese</source>
            <translation>日本語</translation>
        </message>
        <message>
            <source>English</source>
            <translation>英語</translation>
        </message>
        <message>
            <source>Age band</source>
            <translation>年代</translation>
        </message>
        <message>
            <source>Length of service</source>
            <translation>勤続年数</translation>
        </message>
        <message>
            <source>Employment type</source>
            <translation>雇用形態</translation>
        </message>
        <message>
            <source>Grade</source>
            <translation>等級</translation>
        </message>
        <message>
            <source>Job category</source>
            <translation>職種</translation>
        </message>
        <message>
            <source>Once</source>
            <extracomment>A custom survey delivered one time only.</extracomment>
            <translation>1 回のみ</translation>
        </message>
        <message numerus="yes">
            <source>Every %n week(s)</source>
            <translation>
                <numerusform>%n 週間ごと</numerusform>
            </translation>
        </message>
        <message>
            <source>Give the survey a name.</source>
            <translation>サーベイの名前を入力してください。</translation>
        </message>
        <message>
            <source>The survey's name has no Japanese version.</source>
            <translation>サーベイの日本語名が入力されていません。</translation>
        </message>
        <message>
            <source>The survey's name has no English version.</source>
            <translation>サーベイの英語名が入力されていません。</translation>
        </message>
        <message numerus="yes">
            <source>A survey's name can have at most %n characters, on one line.</source>
            <translation>
                <numerusform>サーベイの名前は %n 文字以内で、1 行で入力してください。</numerusform>
            </translation>
        </message>
        <message>
            <source>Add at least one question.</source>
            <translation>設問を 1 問以上追加してください。</translation>
        </message>
        <message numerus="yes">
            <source>A survey can have at most %n questions.</source>
            <translation>
                <numerusform>サーベイの設問は %n 問までです。</numerusform>
            </translation>
        </message>
        <message>
            <source>Question %1 has no Japanese text.</source>
            <translation>設問 %1 の日本語のテキストが入力されていません。</translation>
        </message>
        <message>
            <source>Question %1 has no English text.</source>
            <translation>設問 %1 の英語のテキストが入力されていません。</translation>
        </message>
        <message numerus="yes">
            <source>The text of question %1 can have at most %n characters.</source>
            <translation>
                <numerusform>設問 %1 のテキストは %n 文字以内で入力してください。</numerusform>
            </translation>
        </message>
        <message>
            <source>Choice %1 of question %2 has no Japanese text.</source>
            <translation>設問 %2 の選択肢 %1 に日本語のテキストが入力されていません。</translation>
        </message>
        <message>
            <source>Choice %1 of question %2 has no English text.</source>
            <translation>設問 %2 の選択肢 %1 に英語のテキストが入力されていません。</translation>
        </message>
        <message numerus="yes">
            <source>Choice %1 of question %2 can have at most %n characters, on one line, and no two choices may read the same.</source>
            <translation>
                <numerusform>設問 %2 の選択肢 %1 は %n 文字以内で、1 行で入力してください。また、同じ内容の選択肢を複数設定することはできません。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Question %1 needs between 2 and %n choices.</source>
            <translation>
                <numerusform>設問 %1 には 2～%n 個の選択肢が必要です。</numerusform>
            </translation>
        </message>
        <message>
            <source>Question %1 is not valid.</source>
            <translation>設問 %1 の内容が正しくありません。</translation>
        </message>
        <message>
            <source>Choose the day of the first delivery.</source>
            <translation>初回配信日を選んでください。</translation>
        </message>
        <message>
            <source>The first delivery cannot be on that day.</source>
            <translation>その日を初回配信日にすることはできません。</translation>
        </message>
        <message>
            <source>Choose a time of day.</source>
            <translation>時刻を選んでください。</translation>
        </message>
        <message>
            <source>Choose a time zone from the list.</source>
            <translation>一覧からタイムゾーンを選んでください。</translation>
        </message>
        <message numerus="yes">
            <source>The response period must last 1 to %n days and end before the next round opens.</source>
            <translation>
                <numerusform>回答期間は 1～%n 日とし、次の実施回が始まる前に終わるように設定してください。</numerusform>
            </translation>
        </message>
        <message>
            <source>A pulse goes out every week, every 2 weeks or every 4 weeks.</source>
            <translation>パルスサーベイの実施間隔は、毎週・2 週間ごと・4 週間ごとのいずれかです。</translation>
        </message>
        <message>
            <source>A recurring survey repeats every 1 to 52 weeks.</source>
            <translation>繰り返し実施するサーベイの実施間隔は、1～52 週間で指定してください。</translation>
        </message>
        <message numerus="yes">
            <source>At most %n reminders, each on a different day within the response period.</source>
            <translation>
                <numerusform>リマインダーは %n 回まで、回答期間内のそれぞれ異なる日に設定してください。</numerusform>
            </translation>
        </message>
        <message>
            <source>A target group or attribute is not valid. Choose the targets again.</source>
            <translation>対象のグループまたは属性が正しくありません。対象者を選び直してください。</translation>
        </message>
        <message>
            <source>Comments can be listed from %1 to %2 respondents.</source>
            <translation>コメント表示のしきい値は %1～%2 人の範囲で指定してください。</translation>
        </message>
    </context>
    <context>
        <name>engage::models::TrendModel</name>
        <message>
            <source>Round closed on %1</source>
            <extracomment>The date a round of the trend closed, in full.</extracomment>
            <translation>実施回の締切: %1</translation>
        </message>
        <message>
            <source>Closed</source>
            <extracomment>Column of the trend table: the day each round closed.</extracomment>
            <translation>締切日</translation>
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
        <message>
            <source>Engage cannot reach the service of %1, and this computer holds no offline data of yours to show until it can. Sign in once the service is reachable again.</source>
            <translation>Engage は %1 のサービスに接続できません。また、接続できるまでの間に表示できるオフラインデータも、このコンピューターには保存されていません。サービスに接続できるようになってから、サインインしてください。</translation>
        </message>
        <message>
            <source>The service can be reached again. Reload a page to see its latest data.</source>
            <translation>サービスに再び接続できるようになりました。最新のデータを表示するには、ページを再読み込みしてください。</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::AttributeDialog</name>
        <message>
            <source>Each member has one of the choices below, such as a location or a union. Dashboards can compare the choices.</source>
            <translation>各メンバーに、勤務地や所属組合など、以下の選択肢のいずれかを設定します。ダッシュボードで選択肢ごとに比較できます。</translation>
        </message>
        <message>
            <source>A number such as 3 or -1.5, for example years of experience.</source>
            <translation>3 や -1.5 のような数値です（例: 経験年数）。</translation>
        </message>
        <message>
            <source>A date, for example the date of a transfer.</source>
            <translation>日付です（例: 異動日）。</translation>
        </message>
        <message numerus="yes">
            <source>Any text on one line, up to %n characters.</source>
            <translation>
                <numerusform>%n 文字以内、1 行の自由なテキストです。</numerusform>
            </translation>
        </message>
        <message>
            <source>Edit Attribute</source>
            <translation>属性の編集</translation>
        </message>
        <message>
            <source>New Attribute</source>
            <translation>新しい属性</translation>
        </message>
        <message>
            <source>Attributes describe members beyond their group, such as a location or a union. Surveys can target them and dashboards compare them. Give the name in both languages: each person reads it in their own.</source>
            <translation>属性は、勤務地や所属組合など、グループ以外の観点でメンバーを表す項目です。サーベイの対象の指定や、ダッシュボードでの比較に使えます。名前は両方の言語で入力してください。各ユーザーには、それぞれの言語で表示されます。</translation>
        </message>
        <message>
            <source>Name in &amp;Japanese:</source>
            <translation>日本語名(&amp;J):</translation>
        </message>
        <message>
            <source>勤務地</source>
            <extracomment>An example of an attribute's Japanese name: keep it in Japanese.</extracomment>
            <translation>勤務地</translation>
        </message>
        <message>
            <source>Name in &amp;English:</source>
            <translation>英語名(&amp;E):</translation>
        </message>
        <message>
            <source>Work location</source>
            <extracomment>An example of an attribute's English name: keep it in English.</extracomment>
            <translation>Work location</translation>
        </message>
        <message>
            <source>&amp;Type:</source>
            <translation>種類(&amp;T):</translation>
        </message>
        <message>
            <source>C&amp;hoices:</source>
            <translation>選択肢(&amp;H):</translation>
        </message>
        <message>
            <source>Type a choice and press Enter</source>
            <translation>選択肢を入力して Enter キーを押してください</translation>
        </message>
        <message>
            <source>&amp;Add</source>
            <translation>追加(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>削除(&amp;R)</translation>
        </message>
        <message>
            <source>Remove the selected choice (Delete)</source>
            <translation>選択した選択肢を削除します（Delete）</translation>
        </message>
        <message>
            <source>Move &amp;Up</source>
            <translation>上へ移動(&amp;U)</translation>
        </message>
        <message>
            <source>Move the selected choice up (Alt+Up)</source>
            <translation>選択した選択肢を上に移動します（Alt+Up）</translation>
        </message>
        <message>
            <source>Move Do&amp;wn</source>
            <translation>下へ移動(&amp;W)</translation>
        </message>
        <message>
            <source>Move the selected choice down (Alt+Down)</source>
            <translation>選択した選択肢を下に移動します（Alt+Down）</translation>
        </message>
        <message>
            <source>Choices</source>
            <translation>選択肢</translation>
        </message>
        <message>
            <source>Double-click a choice, or press F2, to rename it.</source>
            <translation>選択肢の名前を変更するには、ダブルクリックするか F2 キーを押してください。</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>保存しています…</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Add Attribute</source>
            <translation>属性を追加(&amp;A)</translation>
        </message>
        <message numerus="yes">
            <source>Enter a name of up to %n characters, on one line.</source>
            <translation>
                <numerusform>名前は %n 文字以内で、1 行で入力してください。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Choice %1 must have 1 to %n characters, on one line.</source>
            <translation>
                <numerusform>選択肢 %1 は 1～%n 文字で、1 行で入力してください。</numerusform>
            </translation>
        </message>
        <message>
            <source>“%1” is in the list twice.</source>
            <translation>「%1」が一覧に 2 回含まれています。</translation>
        </message>
        <message numerus="yes">
            <source>An attribute can have at most %n choices.</source>
            <translation>
                <numerusform>属性の選択肢は %n 個までです。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>engage::ui::AttributesPage</name>
        <message>
            <source>Attributes</source>
            <translation>属性</translation>
        </message>
        <message>
            <source>Attributes describe members beyond their group, such as a location, a union or a shift. Define them here; each member's values are set on the Members page or by an import.</source>
            <translation>属性は、勤務地、所属組合、シフトなど、グループ以外の観点でメンバーを表す項目です。ここで属性を定義し、各メンバーの値は「メンバー」ページまたはインポートで設定します。</translation>
        </message>
        <message>
            <source>Only owners and administrators can define attributes.</source>
            <translation>属性を定義できるのは、オーナーと管理者だけです。</translation>
        </message>
        <message>
            <source>&amp;Add…</source>
            <translation>追加(&amp;A)…</translation>
        </message>
        <message>
            <source>Define a new attribute</source>
            <translation>新しい属性を定義します</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>編集(&amp;E)…</translation>
        </message>
        <message>
            <source>Change the selected attribute's names, type or choices</source>
            <translation>選択した属性の名前・種類・選択肢を変更します</translation>
        </message>
        <message>
            <source>De&amp;lete…</source>
            <translation>削除(&amp;L)…</translation>
        </message>
        <message>
            <source>Delete the selected attribute</source>
            <translation>選択した属性を削除します</translation>
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
            <source>Loading…</source>
            <translation>読み込んでいます…</translation>
        </message>
        <message numerus="yes">
            <source>%n attributes: the most a company can have.</source>
            <translation>
                <numerusform>属性 %n 件（上限に達しています）</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n attributes (at most %1)</source>
            <extracomment>%n attributes are defined; a company can have at most %1.</extracomment>
            <translation>
                <numerusform>属性 %n 件（上限 %1 件）</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete Attribute</source>
            <translation>属性の削除</translation>
        </message>
        <message>
            <source>Delete the attribute “%1”?</source>
            <translation>属性「%1」を削除しますか？</translation>
        </message>
        <message>
            <source>Members keep their values, but lists, filters and dashboards no longer show them. Survey answers already given are not changed.</source>
            <translation>メンバーの値は保持されますが、一覧・絞り込み・ダッシュボードには表示されなくなります。回答済みのサーベイの回答は変わりません。</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>削除(&amp;D)</translation>
        </message>
        <message>
            <source>Someone else changed or deleted this attribute since the list was loaded, so your change was not made. Reload to see their change, then try again.</source>
            <translation>一覧の読み込み後に他の人がこの属性を変更または削除したため、変更は反映されませんでした。再読み込みして変更内容を確認してから、もう一度お試しください。</translation>
        </message>
        <message>
            <source>Reload</source>
            <translation>再読み込み</translation>
        </message>
        <message numerus="yes">
            <source>The company already has %n attributes, the most it can have. Delete one it no longer needs, then add this one.</source>
            <translation>
                <numerusform>この会社の属性はすでに上限の %n 件に達しています。不要になった属性を削除してから、この属性を追加してください。</numerusform>
            </translation>
        </message>
        <message>
            <source>Members hold a choice you removed, so nothing was changed. Keep that choice, or give those members another one first.</source>
            <translation>削除した選択肢が設定されているメンバーがいるため、何も変更されませんでした。その選択肢を残すか、先にそのメンバーに別の選択肢を設定してください。</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::BankPickerDialog</name>
        <message>
            <source>Add from the Question Bank</source>
            <translation>設問バンクからの追加</translation>
        </message>
        <message>
            <source>Choose one or more questions of the engagement bank (Ctrl+click for several). They are added as 5-point agreement questions in both languages, and can be changed afterwards.</source>
            <translation>エンゲージメントの設問バンクから、設問を 1 問以上選んでください（複数選ぶ場合は Ctrl キーを押しながらクリックします）。選んだ設問は、両方の言語で 5 段階の同意尺度の設問として追加されます。追加後に変更することもできます。</translation>
        </message>
        <message>
            <source>Question bank</source>
            <translation>設問バンク</translation>
        </message>
        <message>
            <source>&amp;Add Questions</source>
            <translation>設問を追加(&amp;A)</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::BenchmarkDialog</name>
        <message numerus="yes">
            <source>Name the source in at most %n characters.</source>
            <translation>
                <numerusform>出典は %n 文字以内で入力してください。</numerusform>
            </translation>
        </message>
        <message>
            <source>A benchmark is a score from 0 to 100.</source>
            <translation>ベンチマークには 0～100 のスコアを指定してください。</translation>
        </message>
        <message>
            <source>The source holds characters it cannot show, such as a line break.</source>
            <translation>出典に、改行など表示できない文字が含まれています。</translation>
        </message>
        <message>
            <source>Benchmarks</source>
            <translation>ベンチマーク</translation>
        </message>
        <message>
            <source>The factor chart marks these figures beside each score: your own targets, or an industry survey's results. Leave a factor at "None" to mark nothing for it.</source>
            <translation>要素別スコアのグラフでは、各スコアの横にこれらの値（自社の目標値や、業界調査の結果など）を表示します。値を表示しない要素は「なし」のままにしてください。</translation>
        </message>
        <message>
            <source>S&amp;ource:</source>
            <translation>出典(&amp;O):</translation>
        </message>
        <message>
            <source>Where the figures come from, e.g. "Targets 2026"</source>
            <translation>値の出典（例: 2026 年度目標）</translation>
        </message>
        <message>
            <source>%1:</source>
            <extracomment>A factor's name as the label of its benchmark value: "Recognition:".</extracomment>
            <translation>%1:</translation>
        </message>
        <message>
            <source>None</source>
            <extracomment>Shown in a benchmark's field when the factor has no benchmark.</extracomment>
            <translation>なし</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
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
        <name>engage::ui::DashboardPage</name>
        <message>
            <source>Age band</source>
            <translation>年代</translation>
        </message>
        <message>
            <source>Length of service</source>
            <translation>勤続年数</translation>
        </message>
        <message>
            <source>Employment type</source>
            <translation>雇用形態</translation>
        </message>
        <message>
            <source>Grade</source>
            <translation>等級</translation>
        </message>
        <message>
            <source>Job category</source>
            <translation>職種</translation>
        </message>
        <message>
            <source>(None)</source>
            <translation>（なし）</translation>
        </message>
        <message>
            <source>(Compare all)</source>
            <translation>（すべてを比較）</translation>
        </message>
        <message>
            <source>Withheld to keep answers anonymous.</source>
            <translation>回答の匿名性を守るため非表示にしています。</translation>
        </message>
        <message numerus="yes">
            <source>Shown: at least %n respondents, the anonymity threshold.</source>
            <translation>
                <numerusform>表示中: 回答者が匿名性のしきい値（%n 人）以上です。</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 points since the previous round</source>
            <extracomment>The response rate's change in percentage points: "+3.5 points since the previous round".</extracomment>
            <translation>前回から %1 ポイント</translation>
        </message>
        <message>
            <source>%1 %</source>
            <translation>%1%</translation>
        </message>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>%1 of %2 members answered.</source>
            <translation>%2 人中 %1 人が回答しました。</translation>
        </message>
        <message>
            <source>▲ Engagement rose since the previous round.</source>
            <translation>▲ エンゲージメントは前回から上昇しました。</translation>
        </message>
        <message>
            <source>▼ Engagement fell since the previous round.</source>
            <translation>▼ エンゲージメントは前回から低下しました。</translation>
        </message>
        <message>
            <source>Engagement held since the previous round.</source>
            <translation>エンゲージメントは前回から横ばいです。</translation>
        </message>
        <message>
            <source>This is the first round: there is nothing to compare with.</source>
            <translation>今回が最初の実施回のため、比較対象がありません。</translation>
        </message>
        <message>
            <source>A change needs both rounds' scores shown.</source>
            <translation>変化を示すには、両方の実施回のスコアが表示されている必要があります。</translation>
        </message>
        <message>
            <source>In points of engagement, 0 to 100.</source>
            <translation>エンゲージメントスコア（0～100）のポイント差です。</translation>
        </message>
        <message numerus="yes">
            <source>At or above the anonymity threshold of %n.</source>
            <translation>
                <numerusform>匿名性のしきい値（%n 人）以上です。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Below the anonymity threshold of %n: scores are withheld.</source>
            <translation>
                <numerusform>匿名性のしきい値（%n 人）未満のため、スコアは非表示です。</numerusform>
            </translation>
        </message>
        <message>
            <source>%1  %2</source>
            <extracomment>A memo in the menu: its date and (the start of) its text.</extracomment>
            <translation>%1　%2</translation>
        </message>
        <message>
            <source>No memos in this period</source>
            <translation>この期間のメモはありません</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>ダッシュボード</translation>
        </message>
        <message>
            <source>&amp;Period:</source>
            <translation>期間(&amp;P):</translation>
        </message>
        <message>
            <source>The closed round whose results the page shows</source>
            <translation>このページに結果を表示する、締め切り済みの実施回</translation>
        </message>
        <message>
            <source>Gro&amp;up:</source>
            <translation>グループ(&amp;U):</translation>
        </message>
        <message>
            <source>Whole company</source>
            <translation>全社</translation>
        </message>
        <message>
            <source>The group whose results the page shows, with every group below it</source>
            <translation>このページに結果を表示するグループ（配下のすべてのグループを含む）</translation>
        </message>
        <message>
            <source>A&amp;ttribute:</source>
            <translation>属性(&amp;T):</translation>
        </message>
        <message>
            <source>Narrow the results to members with one value of an attribute, or compare its values</source>
            <translation>属性の値で結果を絞り込むか、属性の値どうしを比較します</translation>
        </message>
        <message>
            <source>&amp;Value:</source>
            <translation>値(&amp;V):</translation>
        </message>
        <message>
            <source>Engagement</source>
            <translation>エンゲージメント</translation>
        </message>
        <message>
            <source>Response rate</source>
            <translation>回答率</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>前回比</translation>
        </message>
        <message>
            <source>Respondents</source>
            <translation>回答者数</translation>
        </message>
        <message>
            <source>T&amp;rend</source>
            <translation>推移(&amp;R)</translation>
        </message>
        <message>
            <source>Factor s&amp;cores</source>
            <translation>要素別スコア(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Heatmap of groups</source>
            <translation>グループ別ヒートマップ(&amp;H)</translation>
        </message>
        <message>
            <source>Attribute brea&amp;kdown</source>
            <translation>属性別の内訳(&amp;K)</translation>
        </message>
        <message>
            <source>Priorit&amp;y: score and impact</source>
            <translation>優先度: スコアと影響度(&amp;Y)</translation>
        </message>
        <message>
            <source>Double-click a group or press Enter to see its results and trend. Click a column's header to sort by it.</source>
            <translation>グループをダブルクリックするか Enter キーを押すと、そのグループの結果と推移を表示します。列の見出しをクリックすると、その列で並べ替えます。</translation>
        </message>
        <message>
            <source>Double-click a value or press Enter to narrow the page to it.</source>
            <translation>値をダブルクリックするか Enter キーを押すと、ページをその値で絞り込みます。</translation>
        </message>
        <message>
            <source>&amp;Lines</source>
            <translation>表示する線(&amp;L)</translation>
        </message>
        <message>
            <source>Choose the lines the trend shows</source>
            <translation>推移グラフに表示する線を選びます</translation>
        </message>
        <message>
            <source>Memo&amp;s</source>
            <translation>メモ(&amp;S)</translation>
        </message>
        <message>
            <source>Memos on the trend: open one, or write a new one</source>
            <translation>推移グラフのメモを開くか、新しいメモを書きます</translation>
        </message>
        <message>
            <source>New &amp;Memo…</source>
            <translation>新しいメモ(&amp;M)…</translation>
        </message>
        <message>
            <source>Mark an event on the trend with a short memo</source>
            <translation>推移グラフに出来事を短いメモで記録します</translation>
        </message>
        <message>
            <source>&amp;Benchmarks…</source>
            <translation>ベンチマーク(&amp;B)…</translation>
        </message>
        <message>
            <source>Set the figures the factor chart compares each score with</source>
            <translation>要素別スコアのグラフで、各スコアと比較する値を設定します</translation>
        </message>
        <message>
            <source>Pr&amp;int…</source>
            <translation>印刷(&amp;I)…</translation>
        </message>
        <message>
            <source>Print the dashboard as shown</source>
            <translation>表示中のダッシュボードを印刷します</translation>
        </message>
        <message>
            <source>Rel&amp;oad</source>
            <translation>再読み込み(&amp;O)</translation>
        </message>
        <message>
            <source>Load the results again from the service</source>
            <translation>サービスから結果を読み込み直します</translation>
        </message>
        <message>
            <source>Delete Memo</source>
            <translation>メモの削除</translation>
        </message>
        <message>
            <source>Delete the memo of %1?</source>
            <translation>%1 のメモを削除しますか？</translation>
        </message>
        <message>
            <source>It leaves the trend for everyone who reads the dashboard.</source>
            <translation>ダッシュボードを閲覧するすべての人の推移グラフから削除されます。</translation>
        </message>
        <message>
            <source>It leaves your trend.</source>
            <translation>あなたの推移グラフから削除されます。</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>削除(&amp;D)</translation>
        </message>
        <message>
            <source>Round: %1 · Group: %2</source>
            <translation>実施回: %1 · グループ: %2</translation>
        </message>
        <message>
            <source>Round: %1 · Group: %2 · %3: %4</source>
            <translation>実施回: %1 · グループ: %2 · %3: %4</translation>
        </message>
        <message>
            <source>The printer could not be started.</source>
            <translation>印刷を開始できませんでした。</translation>
        </message>
        <message numerus="yes">
            <source>%Ln members were asked.</source>
            <translation>
                <numerusform>対象者は %Ln 人です。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>engage::ui::DashboardPanel</name>
        <message>
            <source>Try Again</source>
            <translation>再試行</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::DeliveryEditor</name>
        <message>
            <source>When</source>
            <translation>日程</translation>
        </message>
        <message>
            <source>&amp;First delivery:</source>
            <translation>初回配信(&amp;F):</translation>
        </message>
        <message>
            <source>Not chosen</source>
            <translation>未選択</translation>
        </message>
        <message>
            <source>Time &amp;zone:</source>
            <translation>タイムゾーン(&amp;Z):</translation>
        </message>
        <message>
            <source>Response &amp;period:</source>
            <translation>回答期間(&amp;P):</translation>
        </message>
        <message>
            <source> day(s)</source>
            <translation> 日間</translation>
        </message>
        <message>
            <source>Repeats:</source>
            <translation>実施間隔:</translation>
        </message>
        <message numerus="yes">
            <source>Every %n week(s)</source>
            <translation>
                <numerusform>%n 週間ごと</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Repeat every</source>
            <translation>繰り返す(&amp;R)</translation>
        </message>
        <message>
            <source> week(s)</source>
            <translation> 週間ごと</translation>
        </message>
        <message>
            <source>Reminders to those who have not answered</source>
            <translation>未回答者へのリマインダー</translation>
        </message>
        <message>
            <source>Reminder &amp;time:</source>
            <translation>送信時刻(&amp;T):</translation>
        </message>
        <message>
            <source>Reminder days</source>
            <translation>リマインダーの送信日</translation>
        </message>
        <message>
            <source>Targets</source>
            <translation>対象者</translation>
        </message>
        <message>
            <source>Target groups</source>
            <translation>対象グループ</translation>
        </message>
        <message>
            <source>Tick the groups whose members are asked. With none ticked, every member is asked.</source>
            <translation>回答を依頼するグループにチェックを付けてください。どのグループにもチェックがない場合は、すべてのメンバーが対象になります。</translation>
        </message>
        <message>
            <source>Narrow by &amp;attribute:</source>
            <translation>属性で絞り込む(&amp;A):</translation>
        </message>
        <message>
            <source>Values of the attribute</source>
            <translation>属性の値</translation>
        </message>
        <message>
            <source>List &amp;comments from</source>
            <translation>コメント表示のしきい値(&amp;C):</translation>
        </message>
        <message>
            <source> respondents</source>
            <translation> 人</translation>
        </message>
        <message>
            <source>Upcoming rounds</source>
            <translation>今後の実施回</translation>
        </message>
        <message>
            <source>Blue: days a round is open. Orange: days reminders go out. Times here are in the survey's time zone.</source>
            <translation>青は実施回の回答期間、オレンジはリマインダーを送信する日です。ここに表示される時刻は、サーベイのタイムゾーンによるものです。</translation>
        </message>
        <message>
            <source>(choose an attribute)</source>
            <translation>（属性を選択）</translation>
        </message>
        <message>
            <source>until %1</source>
            <translation>%1 まで</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <extracomment>A target condition: an attribute (%1) and the values it must have (%2).</extracomment>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Correct the settings to see the rounds.</source>
            <translation>実施回を表示するには、設定を修正してください。</translation>
        </message>
        <message>
            <source>Choose the first delivery to see the rounds.</source>
            <translation>実施回を表示するには、初回配信日を選んでください。</translation>
        </message>
        <message>
            <source>Round %1: %2 – %3</source>
            <extracomment>A planned round: its number, when it opens and closes.</extracomment>
            <translation>第%1回: %2 ～ %3</translation>
        </message>
        <message>
            <source>Reminders: %1</source>
            <translation>リマインダー: %1</translation>
        </message>
        <message>
            <source>No round is planned after today.</source>
            <translation>今日以降に予定されている実施回はありません。</translation>
        </message>
        <message numerus="yes">
            <source>%n member(s) would be asked if the round opened on %1.</source>
            <translation>
                <numerusform>%1 に実施回が始まった場合、対象者は %n 人です。</numerusform>
            </translation>
        </message>
        <message>
            <source>Counting the members…</source>
            <translation>メンバー数を集計しています…</translation>
        </message>
        <message>
            <source>The members could not be counted.</source>
            <translation>メンバー数を集計できませんでした。</translation>
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
        <name>engage::ui::EverythingExportController</name>
        <message>
            <source>Export &amp;Everything…</source>
            <translation>すべてをエクスポート(&amp;E)…</translation>
        </message>
        <message>
            <source>Save every member, result, survey and log of the company as Excel workbooks in one zip file</source>
            <translation>会社のすべてのメンバー、結果、サーベイ、ログを、Excel ブックとして 1 つの ZIP ファイルに保存します</translation>
        </message>
        <message>
            <source>Export Everything</source>
            <translation>すべてのデータのエクスポート</translation>
        </message>
        <message>
            <source>Zip file of Excel workbooks (*.zip)</source>
            <translation>Excel ブックの ZIP ファイル (*.zip)</translation>
        </message>
        <message>
            <source>Packing the zip file…</source>
            <translation>ZIP ファイルにまとめています…</translation>
        </message>
        <message>
            <source>%1 (%2 of %3)</source>
            <translation>%1（%2 / %3）</translation>
        </message>
        <message>
            <source>Writing the workbook… %1 of %2 rows</source>
            <translation>ブックに書き込んでいます（%1 / %2 行）…</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::ExportController</name>
        <message>
            <source>E&amp;xport…</source>
            <translation>エクスポート(&amp;X)…</translation>
        </message>
        <message>
            <source>E&amp;xport to Excel…</source>
            <translation>Excel にエクスポート(&amp;X)…</translation>
        </message>
        <message>
            <source>Save what the page shows as an Excel workbook or a CSV file</source>
            <translation>ページに表示されている内容を、Excel ブックまたは CSV ファイルとして保存します</translation>
        </message>
        <message>
            <source>Save what the page shows as an Excel workbook</source>
            <translation>ページに表示されている内容を、Excel ブックとして保存します</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>エクスポート</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel ブック (*.xlsx)</translation>
        </message>
        <message>
            <source>CSV, UTF-8 with BOM (*.csv)</source>
            <translation>CSV（UTF-8、BOM 付き） (*.csv)</translation>
        </message>
        <message>
            <source>Reading from the service…</source>
            <translation>サービスから読み込んでいます…</translation>
        </message>
        <message>
            <source>Reading from the service… %1 of %2</source>
            <translation>サービスから読み込んでいます（%1 / %2）…</translation>
        </message>
        <message>
            <source>Writing the file… %1 of %2 rows</source>
            <translation>ファイルに書き込んでいます（%1 / %2 行）…</translation>
        </message>
        <message>
            <source>The file %1 is ready.</source>
            <translation>ファイル %1 を作成しました。</translation>
        </message>
        <message>
            <source>The service could not be reached: the data is as of %1, from this computer's offline copy.</source>
            <translation>サービスに接続できなかったため、このコンピューターに保存されたオフラインのデータ（%1 時点）を使用しました。</translation>
        </message>
        <message>
            <source>Open Folder</source>
            <translation>フォルダーを開く</translation>
        </message>
        <message>
            <source>The file could not be exported.</source>
            <translation>ファイルをエクスポートできませんでした。</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::ExtendDialog</name>
        <message>
            <source>Extend Round</source>
            <translation>実施回の延長</translation>
        </message>
        <message>
            <source>The open round of “%1” ends at 23:59 on %2. Members who have not answered yet can answer until the new last day; reminders already planned still go out.</source>
            <translation>「%1」の現在の実施回は、%2 の 23:59 に終了します。まだ回答していないメンバーは、新しい最終日まで回答できます。予定済みのリマインダーは、そのまま送信されます。</translation>
        </message>
        <message>
            <source>New &amp;last day:</source>
            <translation>新しい最終日(&amp;L):</translation>
        </message>
        <message>
            <source>E&amp;xtend</source>
            <translation>延長(&amp;X)</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::FactorChart</name>
        <message>
            <source>Score</source>
            <translation>スコア</translation>
        </message>
        <message>
            <source>Benchmark</source>
            <translation>ベンチマーク</translation>
        </message>
        <message>
            <source>Benchmark (%1)</source>
            <translation>ベンチマーク（%1）</translation>
        </message>
        <message>
            <source>Score (0–100)</source>
            <extracomment>The horizontal axis of the factor chart.</extracomment>
            <translation>スコア（0～100）</translation>
        </message>
        <message>
            <source>No scores for this selection.</source>
            <translation>この条件で表示できるスコアはありません。</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::GroupDialog</name>
        <message>
            <source>Another group has this code. Codes must be unique.</source>
            <translation>このコードは別のグループで使用されています。コードは重複しないようにしてください。</translation>
        </message>
        <message>
            <source>New Group</source>
            <translation>新しいグループ</translation>
        </message>
        <message>
            <source>Edit Group</source>
            <translation>グループの編集</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>名前(&amp;N):</translation>
        </message>
        <message>
            <source>Sales Department</source>
            <translation>営業部</translation>
        </message>
        <message>
            <source>&amp;Code:</source>
            <translation>コード(&amp;C):</translation>
        </message>
        <message>
            <source>SALES</source>
            <translation>SALES</translation>
        </message>
        <message>
            <source>A short code that stays the same when the group is renamed. Imports match groups by it.</source>
            <translation>グループ名を変更しても変わらない短いコードです。インポートでは、このコードでグループを照合します。</translation>
        </message>
        <message>
            <source>&amp;Parent group:</source>
            <translation>親グループ(&amp;P):</translation>
        </message>
        <message>
            <source>(Top level)</source>
            <translation>（最上位）</translation>
        </message>
        <message>
            <source>&amp;Create</source>
            <translation>作成(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message numerus="yes">
            <source>Enter a name of up to %n characters, on one line, without '/'.</source>
            <translation>
                <numerusform>名前は「/」を含めず、%n 文字以内で 1 行で入力してください。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Enter a code of up to %n characters without spaces or '/'.</source>
            <translation>
                <numerusform>コードは空白や「/」を含めず、%n 文字以内で入力してください。</numerusform>
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
            <translation>「%1」に含まれます</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>読み込んでいます…</translation>
        </message>
        <message>
            <source>No group is ticked: %1 sees no members and no results.</source>
            <translation>チェックされたグループがありません。%1 さんは、メンバーも結果も閲覧できません。</translation>
        </message>
        <message numerus="yes">
            <source>%n groups ticked, with the groups beneath them.</source>
            <translation>
                <numerusform>%n 件のグループにチェックが入っています（配下のグループを含みます）。</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 is no longer a manager, so there are no groups to choose. Reload the list of people to see their role.</source>
            <translation>%1 さんはマネージャーではなくなったため、選べるグループはありません。ユーザーの一覧を再読み込みして、ロールを確認してください。</translation>
        </message>
        <message>
            <source>Groups of %1</source>
            <extracomment>Title of the dialog choosing a manager's (%1) groups.</extracomment>
            <translation>%1 さんの担当グループ</translation>
        </message>
        <message>
            <source>%1 sees the members and survey results of the groups ticked here, including every group beneath them.</source>
            <translation>%1 さんは、ここでチェックしたグループ（配下のすべてのグループを含む）のメンバーとサーベイ結果を閲覧できます。</translation>
        </message>
        <message>
            <source>Groups</source>
            <translation>グループ</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::ImportFilePage</name>
        <message>
            <source>Sending %1 of %2…</source>
            <translation>送信しています（%1 / %2）…</translation>
        </message>
        <message>
            <source>Sent. The service is reading the file…</source>
            <translation>送信しました。サービスがファイルを読み込んでいます…</translation>
        </message>
        <message>
            <source>The file is empty.</source>
            <translation>ファイルが空です。</translation>
        </message>
        <message>
            <source>The file cannot be read. Check that it still exists and that you may open it.</source>
            <translation>ファイルを読み込めません。ファイルが存在し、開く権限があることを確認してください。</translation>
        </message>
        <message>
            <source>%1 cannot be found.</source>
            <translation>%1 が見つかりません。</translation>
        </message>
        <message>
            <source>%1, %2</source>
            <extracomment>The chosen file's name (%1) and size (%2, such as "1.2 MB").</extracomment>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <source>Engage imports Excel workbooks (.xlsx) and CSV files (.csv). Save the list in one of these formats first.</source>
            <translation>Engage でインポートできるのは、Excel ブック（.xlsx）と CSV ファイル（.csv）です。先に、一覧をいずれかの形式で保存してください。</translation>
        </message>
        <message>
            <source>This file is %1. Engage imports files of up to %2: split the list into several files, or leave out the columns it does not need.</source>
            <translation>このファイルのサイズは %1 です。Engage でインポートできるのは %2 までです。一覧を複数のファイルに分けるか、不要な列を除いてください。</translation>
        </message>
        <message>
            <source>Choose a Member List</source>
            <translation>メンバー一覧の選択</translation>
        </message>
        <message>
            <source>Member lists (*.xlsx *.csv)</source>
            <translation>メンバー一覧 (*.xlsx *.csv)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>すべてのファイル (*)</translation>
        </message>
        <message>
            <source>Reading the file…</source>
            <translation>ファイルを読み込んでいます…</translation>
        </message>
        <message>
            <source>Choose the File</source>
            <translation>ファイルの選択</translation>
        </message>
        <message>
            <source>Step 1 of 5: the list of members to import.</source>
            <translation>ステップ 1/5: インポートするメンバーの一覧を選びます。</translation>
        </message>
        <message>
            <source>&lt;p&gt;Choose an Excel workbook (.xlsx) or a CSV file (.csv) with one member per row and a header row, such as a list from your HR system. CSV files may be in UTF-8 or in the Shift_JIS of Japanese Excel.&lt;/p&gt;&lt;p&gt;Nothing changes until you apply the import at the end: first you check where each column goes and what would change.&lt;/p&gt;</source>
            <translation>&lt;p&gt;見出し行があり、1 行に 1 人のメンバーが記載された Excel ブック（.xlsx）または CSV ファイル（.csv）を選んでください。人事システムから出力した一覧などが使えます。CSV ファイルは UTF-8 と、日本語版 Excel の Shift_JIS に対応しています。&lt;/p&gt;&lt;p&gt;最後にインポートを適用するまで、何も変更されません。まず、各列の割り当て先と変更内容を確認します。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&amp;File:</source>
            <translation>ファイル(&amp;F):</translation>
        </message>
        <message>
            <source>No file chosen</source>
            <translation>ファイルが選択されていません</translation>
        </message>
        <message>
            <source>&amp;Choose…</source>
            <translation>選択(&amp;C)…</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::ImportMappingPage</name>
        <message>
            <source>Excel workbook</source>
            <translation>Excel ブック</translation>
        </message>
        <message>
            <source>CSV in Shift_JIS</source>
            <extracomment>A CSV file in the encoding of Japanese Excel.</extracomment>
            <translation>CSV（Shift_JIS）</translation>
        </message>
        <message>
            <source>CSV</source>
            <translation>CSV</translation>
        </message>
        <message>
            <source>CSV in %1</source>
            <extracomment>A CSV file and its encoding (%1, such as UTF-8).</extracomment>
            <translation>CSV（%1）</translation>
        </message>
        <message>
            <source>Saving the mapping…</source>
            <translation>割り当てを保存しています…</translation>
        </message>
        <message>
            <source>Working out what would change…</source>
            <translation>変更内容を確認しています…</translation>
        </message>
        <message>
            <source>Where the column “%1” goes</source>
            <translation>列「%1」の割り当て先</translation>
        </message>
        <message>
            <source>Do not import</source>
            <translation>インポートしない</translation>
        </message>
        <message>
            <source>Attribute: %1</source>
            <extracomment>A target of an import's column: one of the company's attributes (%1).</extracomment>
            <translation>属性: %1</translation>
        </message>
        <message>
            <source>✓ Remembered</source>
            <extracomment>Marks a column mapped as the company mapped it in an earlier import.</extracomment>
            <translation>✓ 前回の設定</translation>
        </message>
        <message>
            <source>Your company mapped this column this way before.</source>
            <translation>以前のインポートでも、この列はこのように割り当てられています。</translation>
        </message>
        <message>
            <source>The columns “%1” and “%2” both go to %3. Choose one of them, and set the other to “Do not import”.</source>
            <translation>列「%1」と「%2」がどちらも %3 に割り当てられています。どちらか一方を選び、もう一方は「インポートしない」にしてください。</translation>
        </message>
        <message>
            <source>Choose the column with the employee code or the e-mail (or Engage's member ID), so that each row can be matched to a member.</source>
            <translation>各行をメンバーと照合できるよう、社員番号またはメールアドレス（あるいは Engage のメンバーID）の列を選んでください。</translation>
        </message>
        <message>
            <source>Match the Columns</source>
            <translation>列の割り当て</translation>
        </message>
        <message>
            <source>Step 2 of 5: which member field each column of the file fills.</source>
            <translation>ステップ 2/5: ファイルの各列を、メンバーのどの項目に取り込むかを指定します。</translation>
        </message>
        <message>
            <source>Column in the file</source>
            <extracomment>Column of the mapping table: a column's header as the file has it.</extracomment>
            <translation>ファイルの列</translation>
        </message>
        <message>
            <source>Goes to</source>
            <translation>割り当て先</translation>
        </message>
        <message numerus="yes">
            <source>%1: %2, %Ln rows of members. Choose where each column goes; columns set to “Do not import” are left out.</source>
            <extracomment>What the service read: the file's name (%1), its format (%2) and how many rows (%Ln).</extracomment>
            <translation>
                <numerusform>%1: %2、メンバー %Ln 行。各列の割り当て先を選んでください。「インポートしない」にした列は取り込まれません。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>engage::ui::ImportOptionsPage</name>
        <message numerus="yes">
            <source>%Ln new members will be added.</source>
            <translation>
                <numerusform>新しいメンバー %Ln 人が追加されます。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln members will be updated with the file's data.</source>
            <translation>
                <numerusform>メンバー %Ln 人の情報がファイルの内容で更新されます。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln members whose data differs will stay as they are.</source>
            <translation>
                <numerusform>内容が異なるメンバー %Ln 人は、現状のまま変更されません。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln new groups will be created, and the rows that name them will be imported too.</source>
            <translation>
                <numerusform>新しいグループ %Ln 件が作成され、新しいグループを指定している行もインポートされます。</numerusform>
            </translation>
        </message>
        <message>
            <source>No group will be created: rows that name a new group are left out.</source>
            <translation>グループは作成されません。新しいグループを指定している行は除外されます。</translation>
        </message>
        <message numerus="yes">
            <source>%Ln members missing from the file will be marked as left. They stay in Engage with their history.</source>
            <translation>
                <numerusform>ファイルにないメンバー %Ln 人が退職に設定されます。履歴とともに Engage に残ります。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln members missing from the file will stay as they are.</source>
            <translation>
                <numerusform>ファイルにないメンバー %Ln 人は、現状のまま変更されません。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln rows with errors will be left out.</source>
            <translation>
                <numerusform>エラーのある %Ln 行は除外されます。</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing will change.</source>
            <translation>何も変更されません。</translation>
        </message>
        <message>
            <source>Nothing is deleted, and you can undo the import afterwards as long as nobody has changed these members since.</source>
            <translation>何も削除されません。インポート後にこれらのメンバーが誰にも変更されていなければ、インポートを取り消すことができます。</translation>
        </message>
        <message>
            <source>Choose What to Apply</source>
            <translation>適用内容の選択</translation>
        </message>
        <message>
            <source>Step 4 of 5: new members are always added; the rest is up to you.</source>
            <translation>ステップ 4/5: 新しいメンバーは常に追加されます。それ以外は選択できます。</translation>
        </message>
        <message>
            <source>Rows with errors are left out, unless their only problem is a new group you choose to create. Choose what else the import does:</source>
            <translation>エラーのある行は除外されます。ただし、問題が新しいグループだけで、そのグループの作成を選んだ場合は取り込まれます。インポートで行う処理を選んでください:</translation>
        </message>
        <message numerus="yes">
            <source>&amp;Update the %Ln members whose data in the file differs</source>
            <translation>
                <numerusform>ファイルの内容と異なるメンバー %Ln 人を更新する(&amp;U)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>&amp;Create the %Ln groups that do not exist yet</source>
            <translation>
                <numerusform>まだ存在しないグループ %Ln 件を作成する(&amp;C)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>&amp;Mark the %Ln members missing from the file as left</source>
            <translation>
                <numerusform>ファイルにないメンバー %Ln 人を退職に設定する(&amp;M)</numerusform>
            </translation>
        </message>
        <message>
            <source>What will happen</source>
            <translation>実行される内容</translation>
        </message>
        <message numerus="yes">
            <source>%Ln new groups will be created.</source>
            <translation>
                <numerusform>新しいグループ %Ln 件が作成されます。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The %Ln rows that name a new group will be imported too.</source>
            <translation>
                <numerusform>新しいグループを指定している %Ln 行もインポートされます。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>engage::ui::ImportPreviewPage</name>
        <message numerus="yes">
            <source>%Ln more</source>
            <extracomment>Ends a list of names cut short: how many more there are.</extracomment>
            <translation>
                <numerusform>ほか %Ln 件</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln new</source>
            <extracomment>How many rows of the file add a member.</extracomment>
            <translation>
                <numerusform>新規 %Ln 件</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln changed</source>
            <translation>
                <numerusform>変更 %Ln 件</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln unchanged</source>
            <translation>
                <numerusform>変更なし %Ln 件</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln with errors</source>
            <translation>
                <numerusform>エラー %Ln 件</numerusform>
            </translation>
        </message>
        <message>
            <source>Every row of the file matches its member: the import would change nothing.</source>
            <translation>ファイルのすべての行が既存のメンバーと一致しています。インポートしても何も変更されません。</translation>
        </message>
        <message>
            <source>Showing %1 of %2 rows that would change something; scroll for more.</source>
            <extracomment>Rows of the preview loaded so far (%1) out of all of them (%2); more load on scrolling.</extracomment>
            <translation>変更のある %2 行のうち %1 行を表示しています。スクロールすると続きを表示します。</translation>
        </message>
        <message>
            <source>Unchanged rows are counted but not listed.</source>
            <translation>変更のない行は件数にのみ含め、一覧には表示しません。</translation>
        </message>
        <message numerus="yes">
            <source>The file names %Ln groups that do not exist yet: %1. Their rows show as errors unless you choose to create them on the next page.</source>
            <translation>
                <numerusform>ファイルに、まだ存在しないグループが %Ln 件含まれています: %1。次のページでグループの作成を選ばない限り、該当する行はエラーになります。</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message numerus="yes">
            <source>%Ln members of the company are not in the file: %1.</source>
            <translation>
                <numerusform>ファイルに含まれていない会社のメンバーが %Ln 人います: %1。</numerusform>
            </translation>
        </message>
        <message>
            <source>Check What Would Change</source>
            <translation>変更内容の確認</translation>
        </message>
        <message>
            <source>Step 3 of 5: nothing has changed yet. New members are green, changed ones amber, rows with errors red.</source>
            <translation>ステップ 3/5: まだ何も変更されていません。新しいメンバーは緑、変更されるメンバーはオレンジ、エラーのある行は赤で表示されます。</translation>
        </message>
        <message>
            <source>What the import would change</source>
            <translation>インポートによる変更内容</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::ImportProgressPage</name>
        <message>
            <source>Applying the Import</source>
            <translation>インポートの適用</translation>
        </message>
        <message>
            <source>The service makes all the changes in one go.</source>
            <translation>サービスがすべての変更を一括で行います。</translation>
        </message>
        <message>
            <source>Engage is applying the import. All of its changes are made together, or none of them: this cannot be interrupted, and takes a moment for a large file.</source>
            <translation>インポートを適用しています。変更はすべてまとめて反映され、一部だけが反映されることはありません。処理は中断できず、大きなファイルでは少し時間がかかります。</translation>
        </message>
        <message>
            <source>&amp;Try Again</source>
            <translation>再試行(&amp;T)</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::ImportSummaryPage</name>
        <message>
            <source>Some of these members have been changed since the import, so it can no longer be undone as a whole. Change them on the Members page instead.</source>
            <translation>インポート後に一部のメンバーが変更されたため、インポート全体を取り消すことはできなくなりました。代わりに「メンバー」ページで変更してください。</translation>
        </message>
        <message>
            <source>The import was applied, but the service's account of it could not be read. The operation log has what changed.</source>
            <translation>インポートは適用されましたが、サービスからの結果を読み取れませんでした。変更内容は操作ログで確認できます。</translation>
        </message>
        <message numerus="yes">
            <source>%Ln members added</source>
            <translation>
                <numerusform>メンバー %Ln 人を追加</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln members updated</source>
            <translation>
                <numerusform>メンバー %Ln 人を更新</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln groups created</source>
            <translation>
                <numerusform>グループ %Ln 件を作成</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln members marked as left</source>
            <translation>
                <numerusform>メンバー %Ln 人を退職に設定</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln rows with errors left out</source>
            <translation>
                <numerusform>エラーのある %Ln 行を除外</numerusform>
            </translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;The import was applied.&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;%1&lt;/li&gt;&lt;/ul&gt;</source>
            <extracomment>The summary of an applied import: a list of counts, one per line.</extracomment>
            <translation>&lt;p&gt;&lt;b&gt;インポートを適用しました。&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;%1&lt;/li&gt;&lt;/ul&gt;</translation>
        </message>
        <message numerus="yes">
            <source>%Ln members it added removed</source>
            <translation>
                <numerusform>追加したメンバー %Ln 人を削除</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln members put back as they were</source>
            <translation>
                <numerusform>メンバー %Ln 人を元の状態に復元</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln groups it created deleted</source>
            <translation>
                <numerusform>作成したグループ %Ln 件を削除</numerusform>
            </translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;The import was undone.&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;%1&lt;/li&gt;&lt;/ul&gt;</source>
            <extracomment>The summary of an undone import: a list of counts, one per line.</extracomment>
            <translation>&lt;p&gt;&lt;b&gt;インポートを取り消しました。&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;%1&lt;/li&gt;&lt;/ul&gt;</translation>
        </message>
        <message>
            <source>The import was undone: the members are as they were before it.</source>
            <translation>インポートを取り消しました。メンバーはインポート前の状態に戻っています。</translation>
        </message>
        <message>
            <source>Undoing the import…</source>
            <translation>インポートを取り消しています…</translation>
        </message>
        <message>
            <source>Changed your mind? Undo puts everything this import changed back as it was, as long as nobody has changed these members since.</source>
            <translation>インポートを取り消すと、このインポートによる変更がすべて元に戻ります（その後、これらのメンバーが誰にも変更されていない場合に限ります）。</translation>
        </message>
        <message>
            <source>Undo Import</source>
            <translation>インポートの取り消し</translation>
        </message>
        <message>
            <source>Undo this import?</source>
            <translation>このインポートを取り消しますか？</translation>
        </message>
        <message>
            <source>Members it added are removed again, members it changed or marked as left are put back as they were, and groups it created are deleted unless someone has put members in them since.</source>
            <translation>追加したメンバーは削除され、変更したメンバーや退職に設定したメンバーは元の状態に戻ります。作成したグループは、その後メンバーが追加されていない限り削除されます。</translation>
        </message>
        <message>
            <source>&amp;Undo Import</source>
            <translation>インポートを取り消す(&amp;U)</translation>
        </message>
        <message>
            <source>Import Summary</source>
            <translation>インポートの結果</translation>
        </message>
        <message>
            <source>Step 5 of 5: what changed.</source>
            <translation>ステップ 5/5: 変更された内容です。</translation>
        </message>
        <message>
            <source>&amp;Undo This Import…</source>
            <translation>このインポートを取り消す(&amp;U)…</translation>
        </message>
        <message>
            <source>The operation log has an entry for this import (and one for its undo): who made it, when, and how many members it changed.</source>
            <translation>このインポート（と、その取り消し）は操作ログに記録されます。実行したユーザー、日時、変更されたメンバーの人数を確認できます。</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::ImportWizard</name>
        <message>
            <source>Import Members</source>
            <translation>メンバーのインポート</translation>
        </message>
        <message>
            <source>&amp;Apply</source>
            <translation>適用(&amp;A)</translation>
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
        <name>engage::ui::KpiCard</name>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>Loading</source>
            <translation>読み込み中</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::LogDetailPane</name>
        <message>
            <source>Field</source>
            <extracomment>Column of a change's fields in the log viewer: the field's name.</extracomment>
            <translation>項目</translation>
        </message>
        <message>
            <source>Before</source>
            <extracomment>Column of a change's fields in the log viewer: the value before the change.</extracomment>
            <translation>変更前</translation>
        </message>
        <message>
            <source>After</source>
            <extracomment>Column of a change's fields in the log viewer: the value after the change.</extracomment>
            <translation>変更後</translation>
        </message>
        <message>
            <source>Select a row to see it in full.</source>
            <translation>行を選択すると、詳細が表示されます。</translation>
        </message>
        <message>
            <source>Changes</source>
            <translation>変更内容</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>行</translation>
        </message>
        <message>
            <source>Row %1</source>
            <extracomment>Title of the log viewer's detail pane: %1 the row's number in the tenant's log.</extracomment>
            <translation>行 %1</translation>
        </message>
        <message>
            <source>%1:</source>
            <extracomment>A field's name in the log viewer's detail pane.</extracomment>
            <translation>%1:</translation>
        </message>
        <message>
            <source>Exact time</source>
            <translation>正確な日時</translation>
        </message>
        <message>
            <source>(personal, not shown)</source>
            <extracomment>A personal value of a change, which the log never holds.</extracomment>
            <translation>（個人情報のため非表示）</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::LogHistogram</name>
        <message>
            <source>Counting rows…</source>
            <translation>行数を集計しています…</translation>
        </message>
        <message>
            <source>No rows in this range</source>
            <translation>この期間の行はありません</translation>
        </message>
        <message>
            <source>peak %1</source>
            <extracomment>The tallest bar of the log histogram: the most rows in one hour or day.</extracomment>
            <translation>最大 %1</translation>
        </message>
        <message numerus="yes">
            <source>%1: %Ln row(s)</source>
            <extracomment>Tooltip of a bar of the log histogram: %1 its hour or day, %2 its rows.</extracomment>
            <translation>
                <numerusform>%1: %Ln 行</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>engage::ui::LogRetentionDialog</name>
        <message>
            <source>Saved. Archiving runs once a day on the service.</source>
            <translation>保存しました。アーカイブは 1 日 1 回、サービス側で実行されます。</translation>
        </message>
        <message>
            <source>The archive was saved to %1.</source>
            <translation>アーカイブを %1 に保存しました。</translation>
        </message>
        <message>
            <source>The archive could not be saved to %1: %2</source>
            <extracomment>%1 the file, %2 the system's reason.</extracomment>
            <translation>アーカイブを %1 に保存できませんでした: %2</translation>
        </message>
        <message>
            <source>Save the Archive File</source>
            <translation>アーカイブファイルの保存</translation>
        </message>
        <message>
            <source>Signed log archives (*.ndjson)</source>
            <translation>署名付きログアーカイブ (*.ndjson)</translation>
        </message>
        <message>
            <source>Log Retention</source>
            <translation>ログの保存期間</translation>
        </message>
        <message>
            <source>By default every row of the access and operation logs stays in the database for as long as the organisation exists. You can instead have rows older than a number of days archived: they then leave the database for files on the service, signed so that any change to them is detected. Archived rows are never deleted, are still checked by "Verify Integrity", and can be downloaded below; they no longer appear in the log viewer.</source>
            <translation>既定では、アクセスログと操作ログのすべての行は、組織が存在する限りデータベースに保持されます。代わりに、指定した日数より古い行をアーカイブすることもできます。アーカイブされた行はデータベースからサービス上のファイルに移され、変更があれば検出できるよう署名されます。アーカイブされた行は削除されることがなく、引き続き「整合性を検証」の対象となり、下の一覧からダウンロードできます。ただし、ログビューアーには表示されなくなります。</translation>
        </message>
        <message>
            <source>&amp;Keep every row in the database (default)</source>
            <translation>すべての行をデータベースに保持する（既定）(&amp;K)</translation>
        </message>
        <message>
            <source>&amp;Archive rows older than</source>
            <translation>次の日数より古い行をアーカイブする(&amp;A):</translation>
        </message>
        <message>
            <source>days</source>
            <translation>日</translation>
        </message>
        <message>
            <source>Archive &amp;files:</source>
            <translation>アーカイブファイル(&amp;F):</translation>
        </message>
        <message>
            <source>&amp;Download…</source>
            <translation>ダウンロード(&amp;D)…</translation>
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
        <name>engage::ui::LogsPage</name>
        <message>
            <source>Anyone</source>
            <extracomment>The person filter of the log viewer, unset.</extracomment>
            <translation>全員</translation>
        </message>
        <message>
            <source>Logs</source>
            <translation>ログ</translation>
        </message>
        <message>
            <source>Access</source>
            <translation>アクセス</translation>
        </message>
        <message>
            <source>Every request made to the service</source>
            <translation>サービスへのすべてのリクエスト</translation>
        </message>
        <message>
            <source>Operations</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>Every change: who changed what, and which fields</source>
            <translation>すべての変更: 誰が何を変更したか、どの項目を変更したか</translation>
        </message>
        <message>
            <source>Errors</source>
            <translation>エラー</translation>
        </message>
        <message>
            <source>Requests the service failed to answer</source>
            <translation>サービスが応答に失敗したリクエスト</translation>
        </message>
        <message>
            <source>&amp;Time:</source>
            <extracomment>Label of the time range filter of the log viewer; "from" and "to" follow.</extracomment>
            <translation>期間(&amp;T):</translation>
        </message>
        <message>
            <source>From</source>
            <translation>開始</translation>
        </message>
        <message>
            <source>to</source>
            <translation>終了</translation>
        </message>
        <message>
            <source>Show only rows at or after this time</source>
            <translation>この日時以降の行だけを表示します</translation>
        </message>
        <message>
            <source>Show only rows before this time</source>
            <translation>この日時より前の行だけを表示します</translation>
        </message>
        <message>
            <source>&amp;Person:</source>
            <translation>ユーザー(&amp;P):</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>種類</translation>
        </message>
        <message>
            <source>ID</source>
            <translation>ID</translation>
        </message>
        <message>
            <source>Stat&amp;us:</source>
            <translation>ステータス(&amp;U):</translation>
        </message>
        <message>
            <source>404 or 4xx</source>
            <translation>404 または 4xx</translation>
        </message>
        <message>
            <source>IP a&amp;ddress:</source>
            <translation>IP アドレス(&amp;D):</translation>
        </message>
        <message>
            <source>Anywhere in the row</source>
            <translation>行内のすべての項目から検索</translation>
        </message>
        <message>
            <source>Show only the rows that match these filters (Enter)</source>
            <translation>これらの条件に一致する行だけを表示します（Enter）</translation>
        </message>
        <message>
            <source>Show every row again</source>
            <translation>すべての行を再表示します</translation>
        </message>
        <message>
            <source>Scroll to the newest row of that day</source>
            <translation>その日の最新の行までスクロールします</translation>
        </message>
        <message>
            <source>&amp;Live</source>
            <translation>ライブ(&amp;L)</translation>
        </message>
        <message>
            <source>Show new rows at the top as they are written</source>
            <translation>新しい行を、書き込まれるたびに先頭に表示します</translation>
        </message>
        <message>
            <source>&amp;Copy Row</source>
            <translation>行をコピー(&amp;C)</translation>
        </message>
        <message>
            <source>Copy every field of the selected row as text</source>
            <translation>選択した行のすべての項目をテキストとしてコピーします</translation>
        </message>
        <message>
            <source>&amp;Verify Integrity</source>
            <translation>整合性を検証(&amp;V)</translation>
        </message>
        <message>
            <source>Check that no row of the access and operation logs was changed, removed or inserted</source>
            <translation>アクセスログと操作ログの行が変更・削除・挿入されていないか（改ざんがないか）を確認します</translation>
        </message>
        <message>
            <source>Rel&amp;oad</source>
            <translation>再読み込み(&amp;O)</translation>
        </message>
        <message>
            <source>Count and load the rows again</source>
            <translation>行数を数え直し、行を読み込み直します</translation>
        </message>
        <message>
            <source>Log rows</source>
            <translation>ログの行</translation>
        </message>
        <message>
            <source>Rows over time: drag across the bars to show only that time</source>
            <translation>時間ごとの行数: バーの上をドラッグすると、その期間の行だけを表示します</translation>
        </message>
        <message>
            <source>member.update or member.*</source>
            <translation>member.update または member.*</translation>
        </message>
        <message>
            <source>GET, POST, …</source>
            <translation>GET、POST、…</translation>
        </message>
        <message>
            <source>This log has no such column</source>
            <translation>このログにはこの列がありません</translation>
        </message>
        <message>
            <source>What was changed: member, group, person, …</source>
            <translation>変更の対象: member、group、person、…</translation>
        </message>
        <message>
            <source>The ID of what was changed</source>
            <translation>変更の対象の ID</translation>
        </message>
        <message>
            <source>An HTTP status such as 404, or a class such as 4xx</source>
            <translation>404 のような HTTP ステータス、または 4xx のようなクラス</translation>
        </message>
        <message>
            <source>The IP address the request came from</source>
            <translation>リクエストの送信元の IP アドレス</translation>
        </message>
        <message>
            <source>Only owners and administrators can see the access, operation and error logs.</source>
            <translation>アクセスログ・操作ログ・エラーログを閲覧できるのは、オーナーと管理者だけです。</translation>
        </message>
        <message>
            <source>The access, operation and error logs come with the security option, which your organisation does not have. Its owner can add the option to the plan.</source>
            <translation>アクセスログ・操作ログ・エラーログは、セキュリティオプションで利用できます。ご利用の組織にはこのオプションがありません。組織のオーナーがプランにオプションを追加できます。</translation>
        </message>
        <message>
            <source>Counting rows…</source>
            <translation>行数を集計しています…</translation>
        </message>
        <message numerus="yes">
            <source>%Ln row(s)</source>
            <translation>
                <numerusform>%Ln 行</numerusform>
            </translation>
        </message>
        <message>
            <source>Enter a status such as 404, or a class such as 4xx.</source>
            <translation>404 のようなステータス、または 4xx のようなクラスを入力してください。</translation>
        </message>
        <message>
            <source>Enter an IP address such as 192.0.2.10 or 2001:db8::1.</source>
            <translation>192.0.2.10 や 2001:db8::1 のような IP アドレスを入力してください。</translation>
        </message>
        <message>
            <source>The end of the time range must be after its start.</source>
            <translation>期間の終了は、開始より後にしてください。</translation>
        </message>
        <message>
            <source>The start of the time range is not a time the logs can hold.</source>
            <translation>期間の開始が、ログで扱える日時の範囲外です。</translation>
        </message>
        <message>
            <source>Enter an action such as member.update or member.*, or a method such as GET.</source>
            <translation>member.update や member.* のような操作、または GET のようなメソッドを入力してください。</translation>
        </message>
        <message>
            <source>Enter a target type such as member, and its ID, in plain characters.</source>
            <translation>member のような対象の種類とその ID を、制御文字などの特殊な文字を使わずに入力してください。</translation>
        </message>
        <message>
            <source>Enter the text to look for in plain characters.</source>
            <translation>検索する文字列を、制御文字などの特殊な文字を使わずに入力してください。</translation>
        </message>
        <message>
            <source>One of the filters cannot be used. Check them and try again.</source>
            <translation>使用できない絞り込み条件があります。条件を確認してから、もう一度お試しください。</translation>
        </message>
        <message>
            <source>The logs are intact: no row was changed, removed or inserted.</source>
            <translation>ログは改ざんされていません。変更・削除・挿入された行はありません。</translation>
        </message>
        <message>
            <source>The logs were tampered with. Tell your security officer, and keep this result.</source>
            <translation>ログが改ざんされています。セキュリティ担当者に連絡し、この結果を保管してください。</translation>
        </message>
        <message>
            <source>Reload</source>
            <translation>再読み込み</translation>
        </message>
        <message>
            <source>Actio&amp;n:</source>
            <translation>操作(&amp;N):</translation>
        </message>
        <message>
            <source>Ta&amp;rget:</source>
            <translation>対象(&amp;R):</translation>
        </message>
        <message>
            <source>Te&amp;xt:</source>
            <translation>テキスト(&amp;X):</translation>
        </message>
        <message>
            <source>&amp;Jump to date:</source>
            <translation>日付へ移動(&amp;J):</translation>
        </message>
        <message>
            <source>Appl&amp;y Filters</source>
            <translation>絞り込みを適用(&amp;Y)</translation>
        </message>
        <message>
            <source>Cl&amp;ear</source>
            <translation>クリア(&amp;E)</translation>
        </message>
        <message>
            <source>Sho&amp;w</source>
            <translation>表示(&amp;W)</translation>
        </message>
        <message>
            <source>Retent&amp;ion…</source>
            <translation>保存期間(&amp;I)…</translation>
        </message>
        <message>
            <source>Keep every row in the database, or archive old rows into signed files</source>
            <translation>すべての行をデータベースに保持するか、古い行を署名付きファイルにアーカイブします</translation>
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
        <message>
            <source>Remove offline data</source>
            <translation>オフラインデータの削除</translation>
        </message>
        <message>
            <source>Sign out and remove the offline data of %1 from this computer?</source>
            <translation>サインアウトして、%1 のオフラインデータをこのコンピューターから削除しますか？</translation>
        </message>
        <message>
            <source>The dashboards, members and recent logs saved here for use without a connection are deleted, with their key in the system keychain. They are saved again at the next sign-in.</source>
            <translation>オフラインで使用するためにこのコンピューターに保存されたダッシュボード、メンバー、最近のログが、システムのキーチェーンにあるそれらの鍵とともに削除されます。次回のサインイン時に、再び保存されます。</translation>
        </message>
        <message>
            <source>Sign Out and Remove</source>
            <translation>サインアウトして削除</translation>
        </message>
        <message>
            <source>Sign out and &amp;remove offline data…</source>
            <translation>サインアウトしてオフラインデータを削除(&amp;R)…</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::MemberDialog</name>
        <message>
            <source>New Member</source>
            <translation>新しいメンバー</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>メンバー</translation>
        </message>
        <message>
            <source>Identification</source>
            <translation>識別情報</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>氏名</translation>
        </message>
        <message>
            <source>Group and surveys</source>
            <translation>グループとサーベイ</translation>
        </message>
        <message>
            <source>Employment</source>
            <translation>雇用情報</translation>
        </message>
        <message>
            <source>Attributes</source>
            <translation>属性</translation>
        </message>
        <message>
            <source>Memo</source>
            <translation>メモ</translation>
        </message>
        <message>
            <source>Employee &amp;code:</source>
            <translation>社員番号(&amp;C):</translation>
        </message>
        <message>
            <source>E.g. 100234</source>
            <translation>例: 100234</translation>
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
            <source>&amp;Family name:</source>
            <extracomment>Family name (surname); shown before the given name, as Japanese names are written.</extracomment>
            <translation>姓(&amp;F):</translation>
        </message>
        <message>
            <source>&amp;Given name:</source>
            <translation>名(&amp;G):</translation>
        </message>
        <message>
            <source>G&amp;roup:</source>
            <translation>グループ(&amp;R):</translation>
        </message>
        <message>
            <source>(Not in a group)</source>
            <translation>（グループなし）</translation>
        </message>
        <message>
            <source>S&amp;tatus:</source>
            <translation>状態(&amp;T):</translation>
        </message>
        <message>
            <source>&amp;Send surveys to this member</source>
            <translation>このメンバーにサーベイを送信する(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Hire date:</source>
            <translation>入社日(&amp;H):</translation>
        </message>
        <message>
            <source>&amp;Birth date:</source>
            <translation>生年月日(&amp;B):</translation>
        </message>
        <message>
            <source>Optional. Used only for age bands in results, never shown as a date.</source>
            <translation>任意。結果の年代区分にのみ使われ、日付として表示されることはありません。</translation>
        </message>
        <message>
            <source>Employment &amp;type:</source>
            <translation>雇用形態(&amp;T):</translation>
        </message>
        <message>
            <source>E.g. full-time, part-time</source>
            <translation>例: 正社員、パートタイム</translation>
        </message>
        <message>
            <source>Gra&amp;de:</source>
            <translation>等級(&amp;D):</translation>
        </message>
        <message>
            <source>&amp;Position:</source>
            <translation>役職(&amp;P):</translation>
        </message>
        <message>
            <source>&amp;Job category:</source>
            <translation>職種(&amp;J):</translation>
        </message>
        <message>
            <source>Notes for administrators; members never see them.</source>
            <translation>管理者向けのメモです。メンバー本人には表示されません。</translation>
        </message>
        <message>
            <source>%1:</source>
            <extracomment>The label of a field: the name of one of the company's own member attributes.</extracomment>
            <translation>%1:</translation>
        </message>
        <message>
            <source>(None)</source>
            <translation>（なし）</translation>
        </message>
        <message>
            <source>&amp;Add</source>
            <translation>追加(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>保存しています…</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>読み込んでいます…</translation>
        </message>
        <message numerus="yes">
            <source>Enter a code of up to %n characters without spaces.</source>
            <translation>
                <numerusform>社員番号は空白を含めず、%n 文字以内で入力してください。</numerusform>
            </translation>
        </message>
        <message>
            <source>Another member has this employee code.</source>
            <translation>この社員番号は別のメンバーが使用しています。</translation>
        </message>
        <message>
            <source>Enter an e-mail address such as name@example.com.</source>
            <translation>name@example.com のようなメールアドレスを入力してください。</translation>
        </message>
        <message>
            <source>Another member has this e-mail.</source>
            <translation>このメールアドレスは別のメンバーが使用しています。</translation>
        </message>
        <message>
            <source>Enter an e-mail or an employee code: a member needs at least one of them, to be sent surveys and to be matched by imports.</source>
            <translation>メールアドレスか社員番号を入力してください。サーベイの送信とインポートでの照合のため、メンバーにはどちらか一方が必要です。</translation>
        </message>
        <message numerus="yes">
            <source>Enter a family name of up to %n characters, on one line.</source>
            <translation>
                <numerusform>姓は %n 文字以内で、1 行で入力してください。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Enter a given name of up to %n characters, on one line.</source>
            <translation>
                <numerusform>名は %n 文字以内で、1 行で入力してください。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Each of these takes up to %n characters, on one line.</source>
            <translation>
                <numerusform>これらの項目は、それぞれ %n 文字以内で、1 行で入力してください。</numerusform>
            </translation>
        </message>
        <message>
            <source>The birth date must be before the hire date.</source>
            <translation>生年月日は、入社日より前の日付にしてください。</translation>
        </message>
        <message numerus="yes">
            <source>A memo takes up to %n characters.</source>
            <translation>
                <numerusform>メモは %n 文字以内で入力してください。</numerusform>
            </translation>
        </message>
        <message>
            <source>Enter a number such as 12 or 3.5.</source>
            <translation>12 や 3.5 のような数値を入力してください。</translation>
        </message>
        <message numerus="yes">
            <source>Enter up to %n characters, on one line.</source>
            <translation>
                <numerusform>%n 文字以内で、1 行で入力してください。</numerusform>
            </translation>
        </message>
        <message>
            <source>Choose one of the values offered.</source>
            <translation>表示されている値から選んでください。</translation>
        </message>
        <message>
            <source>Someone else changed or deleted this member since you opened it, so your change was not saved. Load their version to see it (what you typed here is then lost), or cancel.</source>
            <translation>このメンバーを開いた後に他の人が変更または削除したため、変更は保存されませんでした。最新の内容を読み込んで確認する（ここで入力した内容は失われます）か、キャンセルしてください。</translation>
        </message>
        <message>
            <source>Load Their Version</source>
            <translation>最新の内容を読み込む</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>言語(&amp;L):</translation>
        </message>
        <message>
            <source>The language of the member's survey e-mails and survey page. The page can still be switched to the other language.</source>
            <translation>このメンバーに送るサーベイのメールと回答ページの言語です。回答ページでは、もう一方の言語に切り替えることもできます。</translation>
        </message>
        <message>
            <source>Company default</source>
            <extracomment>The member's language follows the company's setting.</extracomment>
            <translation>会社の既定</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::MembersPage</name>
        <message>
            <source>(Any value)</source>
            <translation>（すべての値）</translation>
        </message>
        <message>
            <source>YYYY-MM-DD</source>
            <translation>YYYY-MM-DD</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>値</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>メンバー</translation>
        </message>
        <message>
            <source>&amp;Groups</source>
            <translation>グループ(&amp;G)</translation>
        </message>
        <message>
            <source>Groups</source>
            <translation>グループ</translation>
        </message>
        <message>
            <source>Drag a group onto another one to move it there.</source>
            <translation>グループを別のグループの上にドラッグすると、その下に移動できます。</translation>
        </message>
        <message>
            <source>Search by name, employee code or e-mail (%1)</source>
            <translation>氏名・社員番号・メールアドレスで検索（%1）</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>検索</translation>
        </message>
        <message>
            <source>S&amp;tatus:</source>
            <translation>状態(&amp;T):</translation>
        </message>
        <message>
            <source>All</source>
            <translation>すべて</translation>
        </message>
        <message>
            <source>&amp;Attribute:</source>
            <translation>属性(&amp;A):</translation>
        </message>
        <message>
            <source>(Any)</source>
            <translation>（すべて）</translation>
        </message>
        <message>
            <source>&amp;New Member…</source>
            <translation>新しいメンバー(&amp;N)…</translation>
        </message>
        <message>
            <source>Add a member</source>
            <translation>メンバーを追加します</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>編集(&amp;E)…</translation>
        </message>
        <message>
            <source>Show and edit the selected member (Enter)</source>
            <extracomment>Tooltip of the Edit button: the Enter key also opens the selected member.</extracomment>
            <translation>選択したメンバーを表示・編集します（Enter）</translation>
        </message>
        <message>
            <source>&amp;Delete…</source>
            <translation>削除(&amp;D)…</translation>
        </message>
        <message>
            <source>Delete the selected member</source>
            <translation>選択したメンバーを削除します</translation>
        </message>
        <message>
            <source>&amp;Import…</source>
            <translation>インポート(&amp;I)…</translation>
        </message>
        <message>
            <source>Add and update members from an Excel workbook or a CSV file, after a preview</source>
            <translation>Excel ブックまたは CSV ファイルから、プレビューで確認したうえでメンバーを追加・更新します</translation>
        </message>
        <message>
            <source>Rel&amp;oad</source>
            <translation>再読み込み(&amp;O)</translation>
        </message>
        <message>
            <source>Load groups and members again from the service</source>
            <translation>サービスからグループとメンバーを読み込み直します</translation>
        </message>
        <message>
            <source>New Gro&amp;up…</source>
            <translation>新しいグループ(&amp;U)…</translation>
        </message>
        <message>
            <source>Add a group under the selected one</source>
            <translation>選択したグループの下にグループを追加します</translation>
        </message>
        <message>
            <source>&amp;Rename…</source>
            <translation>名前の変更(&amp;R)…</translation>
        </message>
        <message>
            <source>Rename the selected group or change its code</source>
            <translation>選択したグループの名前またはコードを変更します</translation>
        </message>
        <message>
            <source>Delete Grou&amp;p…</source>
            <translation>グループの削除(&amp;P)…</translation>
        </message>
        <message>
            <source>Delete the selected group, once it has no members or subgroups</source>
            <translation>選択したグループを削除します（メンバーとサブグループがない場合のみ）</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>読み込んでいます…</translation>
        </message>
        <message numerus="yes">
            <source>%Ln members</source>
            <translation>
                <numerusform>%Ln 人</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 was saved.</source>
            <translation>%1 さんの情報を保存しました。</translation>
        </message>
        <message>
            <source>Delete Member</source>
            <translation>メンバーの削除</translation>
        </message>
        <message>
            <source>Delete %1?</source>
            <translation>%1 さんを削除しますか？</translation>
        </message>
        <message>
            <source>The member no longer receives surveys and leaves the list. Their answers stay in the results until the retention period ends. If they only left the company, set their status to Left instead.</source>
            <translation>このメンバーにはサーベイが送信されなくなり、一覧からも削除されます。回答は保存期間が終わるまで結果に残ります。退職しただけの場合は、代わりに状態を「退職」に設定してください。</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>削除(&amp;D)</translation>
        </message>
        <message>
            <source>%1 still has members or subgroups. Move them to another group first; a group is deleted only when it is empty.</source>
            <translation>「%1」にはまだメンバーまたはサブグループがあります。先に別のグループへ移動してください。グループは空の場合にのみ削除できます。</translation>
        </message>
        <message>
            <source>Delete Group</source>
            <translation>グループの削除</translation>
        </message>
        <message>
            <source>Delete the group %1?</source>
            <translation>グループ「%1」を削除しますか？</translation>
        </message>
        <message>
            <source>The group leaves the tree. Past survey results keep it under its old name.</source>
            <translation>グループはツリーから削除されます。過去のサーベイ結果では、元の名前のまま残ります。</translation>
        </message>
        <message>
            <source>Move %1 to the top level?</source>
            <translation>「%1」を最上位に移動しますか？</translation>
        </message>
        <message>
            <source>Move %1 into %2?</source>
            <translation>「%1」を「%2」の下に移動しますか？</translation>
        </message>
        <message>
            <source>Move Group</source>
            <translation>グループの移動</translation>
        </message>
        <message>
            <source>Its subgroups and members move with it. Results of past surveys stay with the group wherever it is.</source>
            <translation>サブグループとメンバーも一緒に移動します。過去のサーベイ結果は、移動先でもこのグループに紐づいたままです。</translation>
        </message>
        <message>
            <source>&amp;Move</source>
            <translation>移動(&amp;M)</translation>
        </message>
        <message>
            <source>%1 could not be deleted: it still has members (also members who left) or subgroups.</source>
            <translation>「%1」を削除できませんでした。メンバー（退職したメンバーを含む）またはサブグループがまだあります。</translation>
        </message>
        <message>
            <source>%1 cannot move into one of its own subgroups.</source>
            <translation>「%1」を、そのグループ自身のサブグループの下には移動できません。</translation>
        </message>
        <message>
            <source>Someone else changed this since the list was loaded, so your change was not made. Reload to see their change, then try again.</source>
            <translation>一覧の読み込み後に他の人がこの内容を変更したため、変更は反映されませんでした。再読み込みして変更内容を確認してから、もう一度お試しください。</translation>
        </message>
        <message>
            <source>Reload</source>
            <translation>再読み込み</translation>
        </message>
        <message>
            <source>Group: %1</source>
            <translation>グループ: %1</translation>
        </message>
        <message>
            <source>Search: %1</source>
            <translation>検索: %1</translation>
        </message>
        <message>
            <source>Status: %1</source>
            <translation>ステータス: %1</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <extracomment>An attribute filter on the export's cover: the attribute's name (%1), its value (%2).</extracomment>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>; </source>
            <extracomment>Separates the filters on the export's cover.</extracomment>
            <translation>／</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::MemoDialog</name>
        <message>
            <source>Write what happened, in a few words.</source>
            <translation>出来事を短く入力してください。</translation>
        </message>
        <message numerus="yes">
            <source>A memo has at most %n characters; shorten it by %1.</source>
            <translation>
                <numerusform>メモは %n 文字以内です。あと %1 文字短くしてください。</numerusform>
            </translation>
        </message>
        <message>
            <source>The memo holds characters it cannot show, such as a text-direction mark.</source>
            <translation>メモに、文字方向の制御記号など表示できない文字が含まれています。</translation>
        </message>
        <message>
            <source>%1 / %2</source>
            <extracomment>Characters used out of those allowed: "12 / 140".</extracomment>
            <translation>%1 / %2</translation>
        </message>
        <message>
            <source>New Memo</source>
            <translation>新しいメモ</translation>
        </message>
        <message>
            <source>Memo</source>
            <translation>メモ</translation>
        </message>
        <message>
            <source>Edit Memo</source>
            <translation>メモの編集</translation>
        </message>
        <message>
            <source>A memo marks an event on the trend, such as a reorganisation or a new policy, so that whoever reads the dashboard knows why a line moved.</source>
            <translation>メモは、組織再編や新しい制度の導入などの出来事を推移グラフに記録するものです。ダッシュボードを閲覧する人が、線が動いた理由を知ることができます。</translation>
        </message>
        <message>
            <source>&amp;Date:</source>
            <translation>日付(&amp;D):</translation>
        </message>
        <message>
            <source>&amp;Text:</source>
            <translation>内容(&amp;T):</translation>
        </message>
        <message numerus="yes">
            <source>What happened, in up to %n characters</source>
            <translation>
                <numerusform>出来事（%n 文字以内）</numerusform>
            </translation>
        </message>
        <message>
            <source>Share with &amp;everyone who reads the dashboard</source>
            <translation>ダッシュボードを閲覧するすべての人と共有する(&amp;E)</translation>
        </message>
        <message>
            <source>Unticked, only you see this memo.</source>
            <translation>チェックを外すと、このメモはあなただけに表示されます。</translation>
        </message>
        <message>
            <source>Written by %1. Only its author can change it.</source>
            <translation>%1 さんが作成したメモです。変更できるのは作成者だけです。</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>De&amp;lete…</source>
            <translation>削除(&amp;L)…</translation>
        </message>
        <message>
            <source>Characters used</source>
            <translation>使用文字数</translation>
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
        <name>engage::ui::OfflineBanner</name>
        <message>
            <source>Offline — as of %1. The service cannot be reached; you are seeing the data saved on this computer when it was last read.</source>
            <translation>オフライン — %1 時点。サービスに接続できないため、前回の読み込み時にこのコンピューターに保存されたデータを表示しています。</translation>
        </message>
        <message>
            <source>&amp;Retry</source>
            <translation>再試行(&amp;R)</translation>
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
        <message>
            <source>&amp;Groups…</source>
            <translation>グループ(&amp;G)…</translation>
        </message>
        <message>
            <source>Choose the groups whose members and results the selected manager sees</source>
            <translation>選択したマネージャーが、メンバーと結果を閲覧できるグループを選びます</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::PriorityChart</name>
        <message>
            <source>Score</source>
            <extracomment>The horizontal axis of the priority chart.</extracomment>
            <translation>スコア</translation>
        </message>
        <message>
            <source>Impact (correlation with engagement)</source>
            <extracomment>The vertical axis of the priority chart: how strongly a factor's score goes with engagement across respondents.</extracomment>
            <translation>影響度（エンゲージメントとの相関）</translation>
        </message>
        <message>
            <source>%1: score %2, impact %3 (%4)</source>
            <translation>%1: スコア %2、影響度 %3（%4）</translation>
        </message>
        <message>
            <source>Not placed, score or impact withheld: %1</source>
            <extracomment>Below the priority chart: %1 the factors (a list) whose score or impact is withheld.</extracomment>
            <translation>スコアまたは影響度が非表示のため配置なし: %1</translation>
        </message>
        <message>
            <source>No factor can be placed for this selection.</source>
            <translation>この条件で配置できる要素はありません。</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::QuestionEditor</name>
        <message>
            <source>Choose a question in the list to edit it, or add one.</source>
            <translation>編集する設問を一覧から選ぶか、設問を追加してください。</translation>
        </message>
        <message>
            <source>&amp;Type:</source>
            <translation>形式(&amp;T):</translation>
        </message>
        <message>
            <source>Requ&amp;ired</source>
            <translation>必須(&amp;I)</translation>
        </message>
        <message>
            <source>Respondents must answer this question before they can submit.</source>
            <translation>回答者は、この設問に回答しないと送信できません。</translation>
        </message>
        <message>
            <source>Question in &amp;Japanese</source>
            <translation>設問文（日本語）(&amp;J)</translation>
        </message>
        <message>
            <source>Question in E&amp;nglish</source>
            <translation>設問文（英語）(&amp;N)</translation>
        </message>
        <message>
            <source>Choices</source>
            <translation>選択肢</translation>
        </message>
        <message>
            <source>Japanese</source>
            <translation>日本語</translation>
        </message>
        <message>
            <source>English</source>
            <translation>英語</translation>
        </message>
        <message>
            <source>&amp;Add Choice</source>
            <translation>選択肢を追加(&amp;A)</translation>
        </message>
        <message>
            <source>Remo&amp;ve Choice</source>
            <translation>選択肢を削除(&amp;V)</translation>
        </message>
        <message>
            <source>Move C&amp;hoice Up</source>
            <translation>選択肢を上へ移動(&amp;H)</translation>
        </message>
        <message>
            <source>Move Ch&amp;oice Down</source>
            <translation>選択肢を下へ移動(&amp;O)</translation>
        </message>
        <message>
            <source>⚠ No Japanese text yet: the survey cannot be published without it.</source>
            <translation>⚠ 日本語のテキストが入力されていません。入力しないとサーベイを公開できません。</translation>
        </message>
        <message>
            <source>⚠ No English text yet: the survey cannot be published without it.</source>
            <translation>⚠ 英語のテキストが入力されていません。入力しないとサーベイを公開できません。</translation>
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
        <name>engage::ui::RoundView</name>
        <message>
            <source>Reload</source>
            <translation>再読み込み</translation>
        </message>
        <message>
            <source>The round is closed: these are its final figures.</source>
            <translation>この実施回は終了しました。表示されているのは最終的な数値です。</translation>
        </message>
        <message numerus="yes">
            <source>Updated %1, again every %n second(s) while shown.</source>
            <extracomment>%1 the time the figures were read, %2 the seconds between two reads.</extracomment>
            <translation>
                <numerusform>%1 に更新しました。表示中は %n 秒ごとに更新されます。</numerusform>
            </translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>読み込んでいます…</translation>
        </message>
        <message>
            <source>the members of “%1” and the groups below it</source>
            <translation>「%1」と配下のグループのメンバー</translation>
        </message>
        <message>
            <source>the members of “%1”</source>
            <translation>「%1」のメンバー</translation>
        </message>
        <message>
            <source>Everyone among %1 has answered: nobody to remind.</source>
            <translation>%1 は全員が回答済みです。リマインダーを送信する相手はいません。</translation>
        </message>
        <message>
            <source>Remind Now</source>
            <translation>今すぐリマインド</translation>
        </message>
        <message numerus="yes">
            <source>Send a reminder now to the %n member(s) who have not answered yet, among %1?</source>
            <translation>
                <numerusform>%1 のうち、まだ回答していない %n 人に今すぐリマインダーを送信しますか？</numerusform>
            </translation>
        </message>
        <message>
            <source>Send a reminder now to those who have not answered yet, among %1?</source>
            <translation>%1 のうち、まだ回答していないメンバーに今すぐリマインダーを送信しますか？</translation>
        </message>
        <message>
            <source>Too few members were asked in this group to say how many: the number would tell who answered.</source>
            <translation>このグループの対象者は少ないため、人数は表示しません。人数を表示すると、誰が回答したかがわかってしまいます。</translation>
        </message>
        <message>
            <source>It goes out within a minute: by e-mail, or on the next printed sheet for members without an address.</source>
            <translation>リマインダーは 1 分以内にメールで送信されます。メールアドレスのないメンバーには、次回印刷する配布用紙で届けられます。</translation>
        </message>
        <message>
            <source>&amp;Remind</source>
            <translation>リマインド(&amp;R)</translation>
        </message>
        <message>
            <source>The reminder is on its way to those who have not answered yet, among %1.</source>
            <translation>%1 のうち、まだ回答していないメンバーにリマインダーを送信しています。</translation>
        </message>
        <message numerus="yes">
            <source>%n reminder(s) on the way to those who have not answered yet, among %1.</source>
            <translation>
                <numerusform>%1 のうち、まだ回答していないメンバーに %n 件のリマインダーを送信しています。</numerusform>
            </translation>
        </message>
        <message>
            <source>The round has closed meanwhile, so nobody was reminded.</source>
            <translation>その間に実施回が終了したため、リマインダーは送信されませんでした。</translation>
        </message>
        <message>
            <source>This group has been removed meanwhile, so nobody was reminded. Reload to see the groups as they are.</source>
            <translation>その間にこのグループが削除されたため、リマインダーは送信されませんでした。再読み込みして、現在のグループを確認してください。</translation>
        </message>
        <message>
            <source>Answers by group</source>
            <translation>グループ別の回答状況</translation>
        </message>
        <message>
            <source>Delivery log</source>
            <translation>配信ログ</translation>
        </message>
        <message>
            <source>Sho&amp;w:</source>
            <translation>表示(&amp;W):</translation>
        </message>
        <message>
            <source>Everything</source>
            <translation>すべて</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>保留中</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>送信済み</translation>
        </message>
        <message>
            <source>Refused</source>
            <extracomment>Deliveries the mail server refused.</extracomment>
            <translation>不達</translation>
        </message>
        <message>
            <source>On paper</source>
            <translation>紙で配布</translation>
        </message>
        <message>
            <source>Re&amp;mind Now…</source>
            <translation>今すぐリマインド(&amp;M)…</translation>
        </message>
        <message>
            <source>Send a reminder now to those in the selected group who have not answered yet</source>
            <translation>選択したグループのうち、まだ回答していないメンバーに今すぐリマインダーを送信します</translation>
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
        <name>engage::ui::Skeleton</name>
        <message>
            <source>Loading</source>
            <translation>読み込み中</translation>
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
            <translation>未保存の変更</translation>
        </message>
        <message>
            <source>Your latest changes to this survey are not saved.</source>
            <translation>このサーベイへの最新の変更は保存されていません。</translation>
        </message>
        <message>
            <source>Correct what the window points out, or solve the conflict, so that they can be saved. Closing now throws them away.</source>
            <translation>変更を保存するには、画面に表示されている問題を修正するか、競合を解決してください。今閉じると、変更は破棄されます。</translation>
        </message>
        <message>
            <source>&amp;Discard Changes</source>
            <translation>変更を破棄(&amp;D)</translation>
        </message>
        <message>
            <source>%1 — Survey Builder</source>
            <translation>%1 — サーベイの編集</translation>
        </message>
        <message>
            <source>%1 — Survey (read-only)</source>
            <translation>%1 — サーベイ（閲覧のみ）</translation>
        </message>
        <message>
            <source>Na&amp;me in Japanese:</source>
            <translation>日本語名(&amp;M):</translation>
        </message>
        <message>
            <source>Name in Eng&amp;lish:</source>
            <translation>英語名(&amp;L):</translation>
        </message>
        <message>
            <source>&amp;Questions</source>
            <translation>設問(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Delivery</source>
            <translation>配信(&amp;D)</translation>
        </message>
        <message>
            <source>An engagement pulse asks the questions of the engagement bank: all %1 in its first round, then a rotating part of them, so that every question is asked again within twelve weeks. The preview shows the first round.</source>
            <translation>パルスサーベイでは、エンゲージメントの設問バンクの設問を出題します。初回の実施回では %1 問すべてを、その後は一部をローテーションで出題し、12 週間以内にすべての設問が再び出題されるようにします。プレビューには初回の実施回が表示されます。</translation>
        </message>
        <message>
            <source>Preview in Japanese</source>
            <translation>プレビュー（日本語）</translation>
        </message>
        <message>
            <source>Preview in English</source>
            <translation>プレビュー（英語）</translation>
        </message>
        <message>
            <source>Questions</source>
            <translation>設問</translation>
        </message>
        <message>
            <source>Drag a question to move it, or use Alt+Up and Alt+Down. A warning sign marks a question missing a translation.</source>
            <translation>設問は、ドラッグするか Alt+Up / Alt+Down キーで移動できます。翻訳が入力されていない設問には警告マークが表示されます。</translation>
        </message>
        <message>
            <source>Add &amp;Custom Question</source>
            <translation>独自の設問を追加(&amp;C)</translation>
        </message>
        <message>
            <source>Add from &amp;Bank…</source>
            <translation>設問バンクから追加(&amp;B)…</translation>
        </message>
        <message>
            <source>Add questions from the engagement question bank</source>
            <translation>エンゲージメントの設問バンクから設問を追加します</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>削除(&amp;R)</translation>
        </message>
        <message>
            <source>Remove the selected question (Delete)</source>
            <translation>選択した設問を削除します（Delete）</translation>
        </message>
        <message>
            <source>Move &amp;Up</source>
            <translation>上へ移動(&amp;U)</translation>
        </message>
        <message>
            <source>Move the selected question up</source>
            <translation>選択した設問を上に移動します</translation>
        </message>
        <message>
            <source>Move Do&amp;wn</source>
            <translation>下へ移動(&amp;W)</translation>
        </message>
        <message>
            <source>Move the selected question down</source>
            <translation>選択した設問を下に移動します</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>元に戻す</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>やり直す</translation>
        </message>
        <message>
            <source>Undo the last change</source>
            <translation>直前の変更を元に戻します</translation>
        </message>
        <message>
            <source>Redo the change undone last</source>
            <translation>直前に元に戻した変更をやり直します</translation>
        </message>
        <message>
            <source>&amp;Publish…</source>
            <translation>公開(&amp;P)…</translation>
        </message>
        <message>
            <source>Publish the survey, after a summary</source>
            <translation>概要を確認したうえで、サーベイを公開します</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>閉じる</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>読み込んでいます…</translation>
        </message>
        <message>
            <source>All changes saved.</source>
            <translation>すべての変更を保存しました。</translation>
        </message>
        <message>
            <source>Published surveys cannot be changed.</source>
            <translation>公開済みのサーベイは変更できません。</translation>
        </message>
        <message>
            <source>Unsaved changes…</source>
            <translation>未保存の変更があります…</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>保存しています…</translation>
        </message>
        <message>
            <source>Not saved: someone else changed this draft.</source>
            <translation>未保存: この下書きは他のユーザーによって変更されています。</translation>
        </message>
        <message>
            <source>Not saved.</source>
            <translation>保存されていません。</translation>
        </message>
        <message>
            <source>Not saved: correct the problem shown.</source>
            <translation>未保存: 表示されている問題を修正してください。</translation>
        </message>
        <message>
            <source>This draft was changed or deleted elsewhere and cannot be read now. Your text stays in this window: copy what you need before you close it.</source>
            <translation>この下書きは別の場所で変更または削除されたため、現在読み込むことができません。入力した内容はこのウィンドウに残っています。閉じる前に、必要な内容をコピーしてください。</translation>
        </message>
        <message>
            <source>Draft Changed Elsewhere</source>
            <translation>下書きの競合</translation>
        </message>
        <message>
            <source>Someone else saved this survey while you were editing it, so your latest changes are not saved yet.</source>
            <translation>編集中に他のユーザーがこのサーベイを保存したため、最新の変更はまだ保存されていません。</translation>
        </message>
        <message>
            <source>Take their version to continue from it (Undo brings yours back), or keep yours and overwrite theirs.</source>
            <translation>相手のバージョンを取り込んで編集を続けるか（「元に戻す」で自分の内容に戻せます）、自分のバージョンで相手の内容を上書きしてください。</translation>
        </message>
        <message>
            <source>It has been published since, so it can no longer be changed. Take the published version; Undo shows your text again to copy from.</source>
            <translation>このサーベイはその後公開されたため、変更できなくなりました。公開されたバージョンを取り込んでください。「元に戻す」を使うと、自分の入力内容が再び表示され、コピーできます。</translation>
        </message>
        <message>
            <source>&amp;Take Their Version</source>
            <translation>相手のバージョンを取り込む(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Keep Mine and Overwrite</source>
            <translation>自分のバージョンで上書き(&amp;K)</translation>
        </message>
        <message>
            <source>Decide &amp;Later</source>
            <translation>後で決める(&amp;L)</translation>
        </message>
        <message>
            <source>You now see the version saved by someone else. Undo (Ctrl+Z) brings your own back.</source>
            <translation>他のユーザーが保存したバージョンを表示しています。「元に戻す」（Ctrl+Z）で自分のバージョンに戻せます。</translation>
        </message>
        <message>
            <source>Your changes are not saved: someone else changed this draft.</source>
            <translation>変更は保存されていません。この下書きは他のユーザーによって変更されています。</translation>
        </message>
        <message>
            <source>Resolve…</source>
            <translation>解決…</translation>
        </message>
        <message>
            <source>Ready to publish.</source>
            <translation>公開できます。</translation>
        </message>
        <message>
            <source>Not ready to publish: %1 &lt;a href="#show"&gt;Show&lt;/a&gt;</source>
            <extracomment>%1: what stops publishing; a link then shows the field it concerns.</extracomment>
            <translation>まだ公開できません: %1 &lt;a href="#show"&gt;該当箇所を表示&lt;/a&gt;</translation>
        </message>
        <message numerus="yes">
            <source>Add %n question(s) from the bank</source>
            <translation>
                <numerusform>設問バンクからの設問の追加（%n 問）</numerusform>
            </translation>
        </message>
        <message>
            <source>Send Te&amp;st to Myself</source>
            <translation>テスト招待を自分に送信(&amp;S)</translation>
        </message>
        <message>
            <source>Mail yourself this survey's invitation, in the language of this window: its link opens a preview that records nothing</source>
            <translation>このサーベイの招待メールを、このウィンドウの言語で自分宛てに送信します。メール内のリンクからは、回答が記録されないプレビューが開きます</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::SurveyPreview</name>
        <message>
            <source>Japanese text missing</source>
            <translation>日本語のテキストが未入力</translation>
        </message>
        <message>
            <source>English text missing</source>
            <translation>英語のテキストが未入力</translation>
        </message>
        <message>
            <source>No questions yet: add one from the bank or write your own.</source>
            <translation>まだ設問がありません。設問バンクから追加するか、独自の設問を作成してください。</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::SurveyResultsView</name>
        <message>
            <source>Loading the results…</source>
            <translation>結果を読み込んでいます…</translation>
        </message>
        <message>
            <source>Reload</source>
            <translation>再読み込み</translation>
        </message>
        <message>
            <source>open, results so far</source>
            <translation>実施中、途中経過</translation>
        </message>
        <message>
            <source>closed</source>
            <translation>終了</translation>
        </message>
        <message>
            <source>%1 — round %2 (%3)</source>
            <extracomment>The results' title: %1 the survey's name, %2 the round's number, %3 its status.</extracomment>
            <translation>%1 — 第%2回（%3）</translation>
        </message>
        <message>
            <source>&amp;Group:</source>
            <extracomment>Label of the group picker above a survey's results.</extracomment>
            <translation>グループ(&amp;G):</translation>
        </message>
        <message>
            <source>Whole company</source>
            <translation>全社</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::SurveySummary</name>
        <message>
            <source>on the last day</source>
            <translation>最終日</translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) before the end</source>
            <translation>
                <numerusform>終了 %n 日前</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Questions from the engagement bank: all %1 in the first round, then %n per round, rotating.</source>
            <translation>
                <numerusform>エンゲージメントの設問バンクの設問: 初回は %1 問すべて、以降は毎回 %n 問をローテーションで出題</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n question(s)</source>
            <translation>
                <numerusform>設問 %n 問</numerusform>
            </translation>
        </message>
        <message>
            <source>First delivery: not chosen yet</source>
            <translation>初回配信: 未選択</translation>
        </message>
        <message>
            <source>First delivery: %1</source>
            <translation>初回配信: %1</translation>
        </message>
        <message>
            <source>Answers until: %1</source>
            <translation>回答期限: %1</translation>
        </message>
        <message numerus="yes">
            <source>Response period: %n day(s)</source>
            <translation>
                <numerusform>回答期間: %n 日間</numerusform>
            </translation>
        </message>
        <message>
            <source>Repeats: %1</source>
            <translation>実施間隔: %1</translation>
        </message>
        <message>
            <source>Reminders: none</source>
            <translation>リマインダー: なし</translation>
        </message>
        <message>
            <source>Reminders: %1, at %2</source>
            <extracomment>%1: when the reminders go ("2 days before the end, on the last day"); %2: the time.</extracomment>
            <translation>リマインダー: %1（%2）</translation>
        </message>
        <message>
            <source>Times are set in the time zone %1.</source>
            <extracomment>%1: the time zone the delivery times are in (an IANA id such as Asia/Tokyo).</extracomment>
            <translation>時刻はタイムゾーン %1 で設定されています。</translation>
        </message>
        <message>
            <source>All members</source>
            <translation>すべてのメンバー</translation>
        </message>
        <message>
            <source>a group that no longer exists</source>
            <translation>削除済みのグループ</translation>
        </message>
        <message>
            <source>Members of %1</source>
            <translation>%1 のメンバー</translation>
        </message>
        <message numerus="yes">
            <source>narrowed by %n attribute(s)</source>
            <translation>
                <numerusform>属性 %n 件で絞り込み</numerusform>
            </translation>
        </message>
        <message>
            <source>Japanese name: %1</source>
            <translation>日本語名: %1</translation>
        </message>
        <message>
            <source>English name: %1</source>
            <translation>英語名: %1</translation>
        </message>
        <message>
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
        <message numerus="yes">
            <source>Open round: %1 of %Ln member(s) answered so far.</source>
            <translation>
                <numerusform>現在の実施回: 対象者 %Ln 人中 %1 人が回答済みです。</numerusform>
            </translation>
        </message>
        <message>
            <source>Next delivery: %1</source>
            <translation>次回配信: %1</translation>
        </message>
        <message>
            <source>Delivery</source>
            <translation>配信</translation>
        </message>
        <message>
            <source>Targets: %1</source>
            <translation>対象者: %1</translation>
        </message>
        <message>
            <source>Round %1: %2 – %3</source>
            <translation>第%1回: %2 ～ %3</translation>
        </message>
        <message>
            <source>Upcoming rounds</source>
            <translation>今後の実施回</translation>
        </message>
        <message numerus="yes">
            <source>%n member(s) would be asked if the round opened today.</source>
            <translation>
                <numerusform>今日実施回が始まった場合、対象者は %n 人です。</numerusform>
            </translation>
        </message>
        <message>
            <source>Once published, the questions and the delivery settings can no longer be changed. An open round can still be extended or closed early.</source>
            <translation>公開後は、設問と配信設定を変更できなくなります。実施中の実施回は、公開後も延長や早期終了ができます。</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::SurveysPage</name>
        <message>
            <source>The draft was deleted.</source>
            <translation>下書きを削除しました。</translation>
        </message>
        <message>
            <source>Surveys</source>
            <translation>サーベイ</translation>
        </message>
        <message>
            <source>Engagement pulses and your own surveys. A new survey starts as a draft that saves itself as you edit it; once published it goes out on its schedule.</source>
            <translation>エンゲージメントのパルスサーベイと、独自に作成したサーベイの一覧です。新しいサーベイは下書きとして作成され、編集内容は自動的に保存されます。公開すると、予定に沿って配信されます。</translation>
        </message>
        <message>
            <source>New &amp;Pulse</source>
            <translation>新しいパルスサーベイ(&amp;P)</translation>
        </message>
        <message>
            <source>Create an engagement pulse from the question bank</source>
            <translation>設問バンクからエンゲージメントのパルスサーベイを作成します</translation>
        </message>
        <message>
            <source>New &amp;Custom Survey</source>
            <translation>新しいカスタムサーベイ(&amp;C)</translation>
        </message>
        <message>
            <source>Create a survey with questions of your own</source>
            <translation>独自の設問でサーベイを作成します</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>編集(&amp;E)…</translation>
        </message>
        <message>
            <source>Open the selected survey in the builder (read-only once published)</source>
            <translation>選択したサーベイを編集画面で開きます（公開後は閲覧のみ）</translation>
        </message>
        <message>
            <source>P&amp;ublish…</source>
            <translation>公開(&amp;U)…</translation>
        </message>
        <message>
            <source>Publish the selected draft, after a summary</source>
            <translation>概要を確認したうえで、選択した下書きを公開します</translation>
        </message>
        <message>
            <source>C&amp;lose Round…</source>
            <translation>実施回を終了(&amp;L)…</translation>
        </message>
        <message>
            <source>End the open round now</source>
            <translation>現在の実施回を今すぐ終了します</translation>
        </message>
        <message>
            <source>E&amp;xtend…</source>
            <translation>延長(&amp;X)…</translation>
        </message>
        <message>
            <source>Give members more days to answer the open round</source>
            <translation>現在の実施回の回答期間を延長します</translation>
        </message>
        <message>
            <source>&amp;Delete Draft…</source>
            <translation>下書きを削除(&amp;D)…</translation>
        </message>
        <message>
            <source>Delete the selected draft</source>
            <translation>選択した下書きを削除します</translation>
        </message>
        <message>
            <source>Rel&amp;oad</source>
            <translation>再読み込み(&amp;O)</translation>
        </message>
        <message>
            <source>Load the list again from the service</source>
            <translation>サービスから一覧を再読み込みします</translation>
        </message>
        <message>
            <source>Survey details</source>
            <translation>サーベイの詳細</translation>
        </message>
        <message>
            <source>Choose a survey to see its details.</source>
            <translation>サーベイを選ぶと、詳細が表示されます。</translation>
        </message>
        <message>
            <source>“%1” cannot be published yet: %2</source>
            <translation>「%1」はまだ公開できません: %2</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>編集</translation>
        </message>
        <message>
            <source>Publish Survey</source>
            <translation>サーベイの公開</translation>
        </message>
        <message>
            <source>Publish “%1”?</source>
            <translation>「%1」を公開しますか？</translation>
        </message>
        <message>
            <source>&amp;Publish</source>
            <translation>公開(&amp;P)</translation>
        </message>
        <message>
            <source>Close Round</source>
            <translation>実施回の終了</translation>
        </message>
        <message>
            <source>Close the open round of “%1” now?</source>
            <translation>「%1」の現在の実施回を今すぐ終了しますか？</translation>
        </message>
        <message>
            <source>Members who have not answered can no longer answer, and no more reminders go out. Its results are counted as they stand.</source>
            <translation>未回答のメンバーは回答できなくなり、リマインダーも送信されなくなります。結果は、その時点までの回答で集計されます。</translation>
        </message>
        <message>
            <source>&amp;Close Round</source>
            <translation>実施回を終了(&amp;C)</translation>
        </message>
        <message>
            <source>Delete Draft</source>
            <translation>下書きの削除</translation>
        </message>
        <message>
            <source>Delete the draft “%1”?</source>
            <translation>下書き「%1」を削除しますか？</translation>
        </message>
        <message>
            <source>Its questions and settings are gone for good. Nothing was sent to anyone yet.</source>
            <translation>設問と設定は完全に削除され、元に戻すことはできません。まだ誰にも配信されていません。</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>削除(&amp;D)</translation>
        </message>
        <message>
            <source>“%1” is published and goes out as planned.</source>
            <translation>「%1」を公開しました。予定どおりに配信されます。</translation>
        </message>
        <message>
            <source>The open round of “%1” is closed.</source>
            <translation>「%1」の現在の実施回を終了しました。</translation>
        </message>
        <message>
            <source>The open round of “%1” is extended.</source>
            <translation>「%1」の現在の実施回を延長しました。</translation>
        </message>
        <message>
            <source>Someone else changed this survey since the list was loaded, so nothing was done. Reload to see their change, then try again.</source>
            <translation>一覧の読み込み後に他のユーザーがこのサーベイを変更したため、操作は実行されませんでした。再読み込みして変更内容を確認してから、もう一度お試しください。</translation>
        </message>
        <message>
            <source>Reload</source>
            <translation>再読み込み</translation>
        </message>
        <message>
            <source>This survey is no longer a draft, so it cannot be published again.</source>
            <translation>このサーベイは下書きではなくなったため、再度公開することはできません。</translation>
        </message>
        <message>
            <source>This survey has no open round any more. Reload to see where it stands.</source>
            <translation>このサーベイには、実施中の実施回がなくなりました。再読み込みして、現在の状況を確認してください。</translation>
        </message>
        <message>
            <source>Only drafts can be deleted; this survey has been published.</source>
            <translation>削除できるのは下書きだけです。このサーベイは公開済みです。</translation>
        </message>
        <message>
            <source>De&amp;tails</source>
            <translation>詳細(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Results</source>
            <translation>結果(&amp;R)</translation>
        </message>
        <message>
            <source>Send Te&amp;st to Myself</source>
            <translation>テスト招待を自分に送信(&amp;S)</translation>
        </message>
        <message>
            <source>Mail yourself the selected draft's invitation, in the language of this window: its link opens a preview that records nothing</source>
            <translation>選択した下書きの招待メールを、このウィンドウの言語で自分宛てに送信します。メール内のリンクからは、回答が記録されないプレビューが開きます</translation>
        </message>
        <message>
            <source>Round &amp;Activity</source>
            <extracomment>The tab of a survey's latest round: answers by group, reminders, the delivery log.</extracomment>
            <translation>実施回の状況(&amp;A)</translation>
        </message>
        <message>
            <source>A test invitation to “%1” was sent to %2. Its link opens a preview that records nothing.</source>
            <translation>「%1」のテスト招待を %2 に送信しました。メール内のリンクからは、回答が記録されないプレビューが開きます。</translation>
        </message>
        <message>
            <source>The mail server refused the test invitation to %1. Check the SMTP settings and your address. Its answer: %2</source>
            <extracomment>%1 the person's address, %2 the mail server's answer (English, as it gave it).</extracomment>
            <translation>メールサーバーが %1 宛てのテスト招待を拒否しました。SMTP 設定とご自身のメールアドレスを確認してください。メールサーバーの応答: %2</translation>
        </message>
        <message>
            <source>The mail server could not take the test invitation to %1 just now; try again in a moment. Its answer: %2</source>
            <translation>メールサーバーは現在、%1 宛てのテスト招待を受け付けられません。しばらくしてから、もう一度お試しください。メールサーバーの応答: %2</translation>
        </message>
        <message>
            <source>Try Again</source>
            <translation>再試行</translation>
        </message>
        <message>
            <source>No mail server is set up for your company yet, so the test invitation could not be sent. An owner or administrator saves the company's SMTP settings (its mail server) first.</source>
            <translation>会社のメールサーバーがまだ設定されていないため、テスト招待を送信できませんでした。先に、オーナーまたは管理者が会社の SMTP 設定（メールサーバー）を保存する必要があります。</translation>
        </message>
    </context>
    <context>
        <name>engage::ui::TrendChart</name>
        <message>
            <source>Memo by %2 on %1</source>
            <translation>%2 さんのメモ（%1）</translation>
        </message>
        <message>
            <source>Your private memo on %1</source>
            <extracomment>Tooltip of a memo on the trend chart that only its author sees.</extracomment>
            <translation>あなただけのメモ（%1）</translation>
        </message>
        <message>
            <source>Score</source>
            <extracomment>The vertical axis of the trend chart.</extracomment>
            <translation>スコア</translation>
        </message>
        <message>
            <source>MMM yyyy</source>
            <extracomment>A QLocale date format for the period in the title of the trend chart's time axis. Japanese: yyyy年M月</extracomment>
            <translation>yyyy年M月</translation>
        </message>
        <message>
            <source>Rounds closed from %1 to %2</source>
            <extracomment>The horizontal axis of the trend chart: %1 and %2 the months of the first and last rounds shown.</extracomment>
            <translation>実施回の締切（%1 ～ %2）</translation>
        </message>
        <message>
            <source>No closed rounds in this period.</source>
            <translation>この期間に締め切られた実施回はありません。</translation>
        </message>
        <message>
            <source>Memo</source>
            <extracomment>The legend entry of the memo markers on the trend chart.</extracomment>
            <translation>メモ</translation>
        </message>
        <message>
            <source>d MMM</source>
            <extracomment>A QLocale date format for the rounds on the trend chart's time axis (the year is in its title). Japanese: M/d</extracomment>
            <translation>M/d</translation>
        </message>
        <message>
            <source>%1 on %2: %3</source>
            <extracomment>Tooltip of a point of the trend chart: %1 the factor, %2 the round's close date, %3 the score; the next line says what it rests on.</extracomment>
            <translation>%1（%2）: %3</translation>
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
