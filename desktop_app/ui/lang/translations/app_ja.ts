<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name></name>
    <message>
        <source>Your provider did not allow {features}.</source>
        <translation>プロバイダーは{features}を許可しませんでした。</translation>
    </message>
    <message>
        <source>Allowed: {permissions}.</source>
        <translation>許可済み: {permissions}。</translation>
    </message>
    <message>
        <source>@{handle}: {status}. Renew it to stay signed in.</source>
        <translation>@{handle}: {status}。サインインを維持するには更新してください。</translation>
    </message>
    <message>
        <source>Renew your session</source>
        <translation>セッションを更新してください</translation>
    </message>
    <message>
        <source>expired</source>
        <comment>the access token</comment>
        <translation>期限切れ</translation>
    </message>
    <message numerus="yes">
        <source>renews automatically (in %n min)</source>
        <translation>
            <numerusform>自動更新（%n 分後）</numerusform>
        </translation>
    </message>
    <message>
        <source>Renewed silently</source>
        <translation>自動で更新されました</translation>
    </message>
    <message>
        <source>Renewed after you confirmed in your browser</source>
        <translation>ブラウザで確認した後に更新されました</translation>
    </message>
    <message>
        <source>Renewal failed: {error}</source>
        <translation>更新に失敗しました: {error}</translation>
    </message>
    <message>
        <source>dd MMM yyyy HH:mm</source>
        <comment>a QDateTime format: when a session started</comment>
        <translation>yyyy年M月d日 HH:mm</translation>
    </message>
    <message>
        <source>Not allowed: {features}</source>
        <translation>未許可: {features}</translation>
    </message>
    <message>
        <source>Renew session</source>
        <translation>セッションを更新</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>後で</translation>
    </message>
    <message>
        <source>Allow…</source>
        <translation>許可…</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>今はしない</translation>
    </message>
    <message>
        <source>Opens your browser to ask your provider once more</source>
        <translation>ブラウザを開いて、プロバイダーにもう一度許可を求めます</translation>
    </message>
    <message>
        <source>Approve the new permissions in your browser…</source>
        <translation>ブラウザで新しい権限を承認してください…</translation>
    </message>
    <message>
        <source>Sign in to Bluesky</source>
        <translation>Bluesky にサインイン</translation>
    </message>
    <message>
        <source>yourname.bsky.social</source>
        <comment>an example handle</comment>
        <translation>yourname.bsky.social</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>ハンドル</translation>
    </message>
    <message>
        <source>&amp;Handle</source>
        <translation>ハンドル(&amp;H)</translation>
    </message>
    <message>
        <source>Handle problem</source>
        <translation>ハンドルの問題</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>サインインの問題</translation>
    </message>
    <message>
        <source>Use a different provider</source>
        <translation>別のプロバイダーを使う</translation>
    </message>
    <message>
        <source>https://your-provider.example</source>
        <comment>an example address: keep https:// and .example</comment>
        <translation>https://your-provider.example</translation>
    </message>
    <message>
        <source>Provider address</source>
        <translation>プロバイダーのアドレス</translation>
    </message>
    <message>
        <source>Waiting for your browser…</source>
        <translation>ブラウザでの操作を待っています…</translation>
    </message>
    <message>
        <source>Approve the sign-in in the browser window that just opened, then come back here.</source>
        <translation>開いたブラウザのウィンドウでサインインを承認してから、ここに戻ってください。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Open the page again</source>
        <translation>ページを再度開く</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>リンクをコピー</translation>
    </message>
    <message>
        <source>Contacting your provider…</source>
        <translation>プロバイダーに接続中…</translation>
    </message>
    <message>
        <source>Signed in</source>
        <comment>the account&apos;s state</comment>
        <translation>サインイン中</translation>
    </message>
    <message>
        <source>Renewal suggested</source>
        <translation>更新を推奨</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>オフライン</translation>
    </message>
    <message>
        <source>Signed out — sign in again</source>
        <translation>サインアウト済み — 再度サインインしてください</translation>
    </message>
    <message>
        <source>Session time left</source>
        <translation>セッションの残り時間</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>DID</source>
        <translation>DID</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>プロバイダー</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>権限</translation>
    </message>
    <message>
        <source>Signed in</source>
        <comment>when the session started</comment>
        <translation>サインイン日時</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>アクセストークン</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>サインアウト</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>再度サインイン</translation>
    </message>
    <message>
        <source>Switch to this account</source>
        <translation>このアカウントに切り替え</translation>
    </message>
    <message>
        <source>{state}: {detail}</source>
        <comment>an account&apos;s state and what it means</comment>
        <translation>{state}: {detail}</translation>
    </message>
    <message>
        <source>{allowed} ({mode})</source>
        <comment>what is allowed, and how it was granted</comment>
        <translation>{allowed}（{mode}）</translation>
    </message>
    <message>
        <source>Account {handle}</source>
        <translation>アカウント {handle}</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>詳細を隠す</translation>
    </message>
    <message>
        <source>Accounts</source>
        <comment>place</comment>
        <translation>アカウント</translation>
    </message>
    <message>
        <source>Describe the image for people who can&apos;t see it</source>
        <translation>画像を見られない人のために内容を説明してください</translation>
    </message>
    <message>
        <source>Add image</source>
        <comment>title of the file dialog</comment>
        <translation>画像を追加</translation>
    </message>
    <message>
        <source>Images ({patterns})</source>
        <comment>file dialog filter</comment>
        <translation>画像 ({patterns})</translation>
    </message>
    <message>
        <source>(no text)</source>
        <comment>a draft without text</comment>
        <translation>（テキストなし）</translation>
    </message>
    <message>
        <source>reply to @{handle}</source>
        <comment>a draft answering a post by @{handle}</comment>
        <translation>@{handle} への返信</translation>
    </message>
    <message>
        <source>reply</source>
        <comment>a draft answering a post</comment>
        <translation>返信</translation>
    </message>
    <message numerus="yes">
        <source>%n image</source>
        <comment>a draft&apos;s one image</comment>
        <translation>
            <numerusform>画像 %n 枚</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n images</source>
        <comment>a draft&apos;s images</comment>
        <translation>
            <numerusform>画像 %n 枚</numerusform>
        </translation>
    </message>
    <message>
        <source>Replying to</source>
        <comment>the post being answered</comment>
        <translation>返信先</translation>
    </message>
    <message>
        <source>Cancel reply</source>
        <translation>返信をキャンセル</translation>
    </message>
    <message>
        <source>What&apos;s up?</source>
        <comment>the empty composer&apos;s invitation</comment>
        <translation>最近どう？</translation>
    </message>
    <message>
        <source>Post text</source>
        <comment>the composer&apos;s text box</comment>
        <translation>ポストの本文</translation>
    </message>
    <message>
        <source>Add image…</source>
        <translation>画像を追加…</translation>
    </message>
    <message>
        <source>Add image</source>
        <comment>the composer&apos;s button</comment>
        <translation>画像を追加</translation>
    </message>
    <message>
        <source>Post language</source>
        <comment>the language a post is in</comment>
        <translation>ポストの言語</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <comment>the label of the post&apos;s language</comment>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <source>Drafts…</source>
        <translation>下書き…</translation>
    </message>
    <message>
        <source>Drafts</source>
        <comment>saved unfinished posts</comment>
        <translation>下書き</translation>
    </message>
    <message>
        <source>Open a saved draft</source>
        <translation>保存した下書きを開く</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>下書きを保存</translation>
    </message>
    <message>
        <source>Keep this in your drafts and start a new post</source>
        <translation>下書きに保存して新しいポストを作成します</translation>
    </message>
    <message>
        <source>Post</source>
        <comment>send the post written</comment>
        <translation>投稿</translation>
    </message>
    <message>
        <source>Post problem</source>
        <comment>why the post can&apos;t be sent</comment>
        <translation>投稿できない理由</translation>
    </message>
    <message>
        <source>Allow…</source>
        <comment>let the app post for the account</comment>
        <translation>許可…</translation>
    </message>
    <message>
        <source>Replying to @{handle}</source>
        <translation>@{handle} に返信</translation>
    </message>
    <message>
        <source>Quoting @{handle}: “{excerpt}”</source>
        <translation>@{handle} を引用:「{excerpt}」</translation>
    </message>
    <message>
        <source>Cancel</source>
        <comment>stop replying to or quoting a post</comment>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>No drafts yet</source>
        <translation>下書きはまだありません</translation>
    </message>
    <message>
        <source>Delete a draft</source>
        <translation>下書きを削除</translation>
    </message>
    <message numerus="yes">
        <source>A post can have at most %n images.</source>
        <translation>
            <numerusform>ポストに添付できる画像は最大 %n 枚です。</numerusform>
        </translation>
    </message>
    <message>
        <source>That image could not be read.</source>
        <translation>その画像を読み込めませんでした。</translation>
    </message>
    <message>
        <source>Remove</source>
        <comment>take an image off the post</comment>
        <translation>削除</translation>
    </message>
    <message>
        <source>Alt text for image {number}</source>
        <translation>画像 {number} の代替テキスト</translation>
    </message>
    <message>
        <source>Remove image {number}</source>
        <translation>画像 {number} を削除</translation>
    </message>
    <message numerus="yes">
        <source>%n character over the limit</source>
        <translation>
            <numerusform>%n 文字超過</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n characters over the limit</source>
        <translation>
            <numerusform>%n 文字超過</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character left</source>
        <translation>
            <numerusform>残り %n 文字</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n characters left</source>
        <translation>
            <numerusform>残り %n 文字</numerusform>
        </translation>
    </message>
    <message>
        <source>Posting…</source>
        <translation>投稿中…</translation>
    </message>
    <message>
        <source>Reply</source>
        <comment>send the reply written</comment>
        <translation>返信</translation>
    </message>
    <message numerus="yes">
        <source>%n post</source>
        <comment>waiting to send</comment>
        <translation>
            <numerusform>ポスト %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n posts</source>
        <comment>waiting to send</comment>
        <translation>
            <numerusform>ポスト %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n like</source>
        <comment>waiting to send</comment>
        <translation>
            <numerusform>いいね %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n likes</source>
        <comment>waiting to send</comment>
        <translation>
            <numerusform>いいね %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repost</source>
        <comment>waiting to send</comment>
        <translation>
            <numerusform>リポスト %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reposts</source>
        <comment>waiting to send</comment>
        <translation>
            <numerusform>リポスト %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n follow</source>
        <comment>waiting to send</comment>
        <translation>
            <numerusform>フォロー %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n follows</source>
        <comment>waiting to send</comment>
        <translation>
            <numerusform>フォロー %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Post</source>
        <comment>a post waiting to send</comment>
        <translation>ポスト</translation>
    </message>
    <message>
        <source>Like</source>
        <comment>a like waiting to send</comment>
        <translation>いいね</translation>
    </message>
    <message>
        <source>Repost</source>
        <comment>a repost waiting to send</comment>
        <translation>リポスト</translation>
    </message>
    <message>
        <source>Follow</source>
        <comment>a follow waiting to send</comment>
        <translation>フォロー</translation>
    </message>
    <message>
        <source>, </source>
        <comment>separates the items of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Waiting to send — {counts}.</source>
        <translation>送信待ち — {counts}。</translation>
    </message>
    <message>
        <source>Last try: {error}</source>
        <comment>why the last try to send failed</comment>
        <translation>前回の送信: {error}</translation>
    </message>
    <message>
        <source>Not accepted — {counts}: {error} Cancel puts a post back in your drafts.</source>
        <translation>受け付けられませんでした — {counts}: {error} キャンセルするとポストは下書きに戻ります。</translation>
    </message>
    <message>
        <source>{kind}: {excerpt}</source>
        <comment>a waiting write and its text, in the Cancel menu</comment>
        <translation>{kind}: {excerpt}</translation>
    </message>
    <message>
        <source>Send now</source>
        <comment>what waits in the outbox</comment>
        <translation>今すぐ送信</translation>
    </message>
    <message>
        <source>Cancel</source>
        <comment>stop sending what waits in the outbox</comment>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Cancel sending</source>
        <translation>送信をキャンセル</translation>
    </message>
    <message>
        <source>Cancel…</source>
        <comment>choose what waits in the outbox to stop sending</comment>
        <translation>キャンセル…</translation>
    </message>
    <message>
        <source>Suggested accounts</source>
        <comment>to mention in a post</comment>
        <translation>おすすめのアカウント</translation>
    </message>
    <message>
        <source>Show</source>
        <comment>lift a moderation cover</comment>
        <translation>表示</translation>
    </message>
    <message>
        <source>@{handle}  · follows you</source>
        <translation>@{handle}  · フォローされています</translation>
    </message>
    <message>
        <source>Reposted by {name}</source>
        <translation>{name} がリポスト</translation>
    </message>
    <message>
        <source>Reply to {name}</source>
        <comment>the post answers a post by {name}</comment>
        <translation>{name} への返信</translation>
    </message>
    <message>
        <source>Image</source>
        <comment>an image not loaded, with no description</comment>
        <translation>画像</translation>
    </message>
    <message>
        <source>ALT</source>
        <comment>badge on an image that has a description</comment>
        <translation>ALT</translation>
    </message>
    <message>
        <source>Saved</source>
        <comment>a bookmarked post</comment>
        <translation>保存済み</translation>
    </message>
    <message>
        <source>Save</source>
        <comment>bookmark a post</comment>
        <translation>保存</translation>
    </message>
    <message>
        <source>Enter opens the thread; L like, R reply, T repost, Q quote, B save, P the author&apos;s profile, O the first link; the Menu key lists every action.</source>
        <comment>a screen reader&apos;s hint on a post: the keys</comment>
        <translation>Enter でスレッドを開く。L いいね、R 返信、T リポスト、Q 引用、B 保存、P 投稿者のプロフィール、O 最初のリンク。メニューキーですべての操作を表示。</translation>
    </message>
    <message>
        <source>Enter opens it.</source>
        <comment>a screen reader&apos;s hint on a row that opens something</comment>
        <translation>Enter で開く。</translation>
    </message>
    <message>
        <source>Reposted by {name}.</source>
        <translation>{name} がリポストしました。</translation>
    </message>
    <message>
        <source>{name} (@{handle}): hidden behind a warning, {reason}.</source>
        <translation>{name} (@{handle}): 警告により非表示、{reason}。</translation>
    </message>
    <message>
        <source>(no text)</source>
        <comment>a post without text, read aloud</comment>
        <translation>（テキストなし）</translation>
    </message>
    <message>
        <source>{name} (@{handle}), {when}: {text}</source>
        <comment>a post read aloud</comment>
        <translation>{name} (@{handle})、{when}: {text}</translation>
    </message>
    <message>
        <source>no description</source>
        <comment>an image without alt text, read aloud</comment>
        <translation>説明なし</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s): {alts}.</source>
        <comment>a post&apos;s images and their descriptions</comment>
        <translation>
            <numerusform>画像 %n 枚: {alts}。</numerusform>
        </translation>
    </message>
    <message>
        <source>Quoting {name}: {text}</source>
        <comment>a quoted post, read aloud</comment>
        <translation>{name} さんのポストを引用: {text}</translation>
    </message>
    <message>
        <source>Link: {title}</source>
        <comment>a post&apos;s link card, read aloud</comment>
        <translation>リンク: {title}</translation>
    </message>
    <message>
        <source>{likes}, {reposts}, {replies}.</source>
        <comment>a post&apos;s counts, read aloud</comment>
        <translation>{likes}、{reposts}、{replies}。</translation>
    </message>
    <message numerus="yes">
        <source>%n likes</source>
        <comment>a post&apos;s count, read aloud</comment>
        <translation>
            <numerusform>いいね %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reposts</source>
        <comment>a post&apos;s count, read aloud</comment>
        <translation>
            <numerusform>リポスト %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n replies</source>
        <comment>a post&apos;s count, read aloud</comment>
        <translation>
            <numerusform>返信 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>You liked it.</source>
        <translation>いいねしました。</translation>
    </message>
    <message>
        <source>You reposted it.</source>
        <translation>リポストしました。</translation>
    </message>
    <message>
        <source>You bookmarked it.</source>
        <translation>ブックマークしました。</translation>
    </message>
    <message>
        <source>You liked and reposted it.</source>
        <translation>いいねとリポストをしました。</translation>
    </message>
    <message>
        <source>You liked and bookmarked it.</source>
        <translation>いいねとブックマークをしました。</translation>
    </message>
    <message>
        <source>You reposted and bookmarked it.</source>
        <translation>リポストとブックマークをしました。</translation>
    </message>
    <message>
        <source>You liked and reposted and bookmarked it.</source>
        <translation>いいね、リポスト、ブックマークをしました。</translation>
    </message>
    <message>
        <source>now</source>
        <comment>a post&apos;s age: under a minute</comment>
        <translation>今</translation>
    </message>
    <message numerus="yes">
        <source>%nm</source>
        <comment>a post&apos;s age in minutes, as short as possible</comment>
        <translation>
            <numerusform>%n分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%nh</source>
        <comment>a post&apos;s age in hours, as short as possible</comment>
        <translation>
            <numerusform>%n時間</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%nd</source>
        <comment>a post&apos;s age in days, as short as possible</comment>
        <translation>
            <numerusform>%n日</numerusform>
        </translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>date format of a post from this year (Qt QDate format)</comment>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <comment>date format of a post from an earlier year (Qt QDate format)</comment>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <source>Posts</source>
        <comment>a list of posts</comment>
        <translation>ポスト</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>Nothing here yet.</source>
        <translation>まだ何もありません。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <comment>check for new posts</comment>
        <translation>更新</translation>
    </message>
    <message>
        <source>Check for new posts ({key})</source>
        <translation>新しいポストを確認 ({key})</translation>
    </message>
    <message>
        <source>Refresh timeline</source>
        <translation>タイムラインを更新</translation>
    </message>
    <message>
        <source>Try again</source>
        <comment>load the list again</comment>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Post actions</source>
        <translation>ポストの操作</translation>
    </message>
    <message>
        <source>Loading more posts…</source>
        <translation>さらにポストを読み込み中…</translation>
    </message>
    <message>
        <source>You&apos;re all caught up.</source>
        <translation>すべて確認済みです。</translation>
    </message>
    <message numerus="yes">
        <source>%n+ new posts</source>
        <comment>at least that many new posts above the list</comment>
        <translation>
            <numerusform>新着ポスト %n+ 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new post</source>
        <comment>one new post above the list</comment>
        <translation>
            <numerusform>新着ポスト %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new posts</source>
        <comment>new posts above the list</comment>
        <translation>
            <numerusform>新着ポスト %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Show 1 more reply</source>
        <translation>返信をさらに1件表示</translation>
    </message>
    <message numerus="yes">
        <source>Show %n more replies</source>
        <translation>
            <numerusform>返信をさらに %n 件表示</numerusform>
        </translation>
    </message>
    <message>
        <source>Show more replies</source>
        <translation>返信をさらに表示</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <comment>a post of yours not sent yet</comment>
        <translation>送信待ち</translation>
    </message>
    <message>
        <source>Post unavailable</source>
        <comment>a post in a thread that can&apos;t be shown</comment>
        <translation>表示できないポスト</translation>
    </message>
    <message>
        <source>Deleted post</source>
        <comment>a quoted or replied-to post that was deleted</comment>
        <translation>削除されたポスト</translation>
    </message>
    <message>
        <source>Blocked post</source>
        <comment>a quoted or replied-to post that can&apos;t be seen</comment>
        <translation>ブロックされたポスト</translation>
    </message>
    <message>
        <source>Removed by its author</source>
        <comment>a quote detached by its author</comment>
        <translation>投稿者により削除されました</translation>
    </message>
    <message>
        <source>Blocked account</source>
        <comment>why a post is hidden</comment>
        <translation>ブロック中のアカウント</translation>
    </message>
    <message>
        <source>Hidden by moderators</source>
        <comment>why a post is hidden</comment>
        <translation>モデレーターにより非表示</translation>
    </message>
    <message>
        <source>Content warning on this account</source>
        <comment>why a post is covered</comment>
        <translation>このアカウントにはコンテンツの警告があります</translation>
    </message>
    <message>
        <source>You muted this account</source>
        <comment>why a post is covered</comment>
        <translation>このアカウントをミュートしています</translation>
    </message>
    <message>
        <source>Content warning</source>
        <comment>why a post is covered</comment>
        <translation>コンテンツの警告</translation>
    </message>
    <message>
        <source>↩ {name} replied to you</source>
        <translation>↩ {name} さんがあなたに返信しました</translation>
    </message>
    <message>
        <source>@ {name} mentioned you</source>
        <translation>@ {name} さんがあなたをメンションしました</translation>
    </message>
    <message>
        <source>❝ {name} quoted your post</source>
        <translation>❝ {name} さんがあなたのポストを引用しました</translation>
    </message>
    <message>
        <source>{name} liked your post</source>
        <translation>{name} さんがあなたのポストにいいねしました</translation>
    </message>
    <message>
        <source>{name} and {other} liked your post</source>
        <translation>{name} さんと {other} さんがあなたのポストにいいねしました</translation>
    </message>
    <message numerus="yes">
        <source>{name} and %n others liked your post</source>
        <translation>
            <numerusform>{name} さんと他 %n 人があなたのポストにいいねしました</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} reposted your post</source>
        <translation>{name} さんがあなたのポストをリポストしました</translation>
    </message>
    <message>
        <source>{name} and {other} reposted your post</source>
        <translation>{name} さんと {other} さんがあなたのポストをリポストしました</translation>
    </message>
    <message numerus="yes">
        <source>{name} and %n others reposted your post</source>
        <translation>
            <numerusform>{name} さんと他 %n 人があなたのポストをリポストしました</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} followed you</source>
        <translation>{name} さんがあなたをフォローしました</translation>
    </message>
    <message>
        <source>{name} and {other} followed you</source>
        <translation>{name} さんと {other} さんがあなたをフォローしました</translation>
    </message>
    <message numerus="yes">
        <source>{name} and %n others followed you</source>
        <translation>
            <numerusform>{name} さんと他 %n 人があなたをフォローしました</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} signed up with your starter pack</source>
        <translation>{name} さんがあなたのスターターパックから登録しました</translation>
    </message>
    <message>
        <source>{name} and {other} signed up with your starter pack</source>
        <translation>{name} さんと {other} さんがあなたのスターターパックから登録しました</translation>
    </message>
    <message numerus="yes">
        <source>{name} and %n others signed up with your starter pack</source>
        <translation>
            <numerusform>{name} さんと他 %n 人があなたのスターターパックから登録しました</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} notified you</source>
        <translation>{name} さんから通知があります</translation>
    </message>
    <message>
        <source>{name} and {other} notified you</source>
        <translation>{name} さんと {other} さんから通知があります</translation>
    </message>
    <message numerus="yes">
        <source>{name} and %n others notified you</source>
        <translation>
            <numerusform>{name} さんと他 %n 人から通知があります</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the thread</source>
        <comment>post action</comment>
        <translation>スレッドを開く</translation>
    </message>
    <message>
        <source>Like</source>
        <comment>post action</comment>
        <translation>いいね</translation>
    </message>
    <message>
        <source>Repost</source>
        <comment>post action</comment>
        <translation>リポスト</translation>
    </message>
    <message>
        <source>Reply</source>
        <comment>post action</comment>
        <translation>返信</translation>
    </message>
    <message>
        <source>Quote</source>
        <comment>post action</comment>
        <translation>引用</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <comment>post action</comment>
        <translation>ブックマーク</translation>
    </message>
    <message>
        <source>Open the author&apos;s profile</source>
        <comment>post action</comment>
        <translation>投稿者のプロフィールを開く</translation>
    </message>
    <message>
        <source>Open the first link</source>
        <comment>post action</comment>
        <translation>最初のリンクを開く</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← 戻る</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <source>Your draft is back where you left it.</source>
        <translation>下書きを元の状態に戻しました。</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>ブックマーク</translation>
    </message>
    <message>
        <source>Loading your bookmarks…</source>
        <translation>ブックマークを読み込み中…</translation>
    </message>
    <message>
        <source>No bookmarks yet.
Save a post with ⚐ to find it here.</source>
        <translation>ブックマークはまだありません。
⚐ でポストを保存すると、ここに表示されます。</translation>
    </message>
    <message>
        <source>Moderation list</source>
        <translation>モデレーションリスト</translation>
    </message>
    <message>
        <source>List</source>
        <translation>リスト</translation>
    </message>
    <message>
        <source>Moderation list by @{handle}</source>
        <translation>@{handle} のモデレーションリスト</translation>
    </message>
    <message>
        <source>List by @{handle}</source>
        <translation>@{handle} のリスト</translation>
    </message>
    <message numerus="yes">
        <source>Moderation list · %n people</source>
        <translation>
            <numerusform>モデレーションリスト · %n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>List · %n people</source>
        <translation>
            <numerusform>リスト · %n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moderation list by @{handle} · %n people</source>
        <translation>
            <numerusform>@{handle} のモデレーションリスト · %n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>List by @{handle} · %n people</source>
        <translation>
            <numerusform>@{handle} のリスト · %n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>Show it as a tab on Home</source>
        <translation>ホームにタブとして表示します</translation>
    </message>
    <message>
        <source>Keep it in your saved feeds</source>
        <translation>保存したフィードに追加します</translation>
    </message>
    <message>
        <source>Like this feed</source>
        <translation>このフィードにいいねします</translation>
    </message>
    <message>
        <source>Mute everyone on this list</source>
        <translation>このリストの全員をミュートします</translation>
    </message>
    <message>
        <source>Block everyone on this list</source>
        <translation>このリストの全員をブロックします</translation>
    </message>
    <message>
        <source>Give this list another name</source>
        <translation>このリストの名前を変更します</translation>
    </message>
    <message>
        <source>Delete this list</source>
        <translation>このリストを削除します</translation>
    </message>
    <message numerus="yes">
        <source>Feed by @{handle} · %n likes</source>
        <translation>
            <numerusform>@{handle} のフィード · いいね %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>This feed&apos;s server isn&apos;t answering right now.</source>
        <translation>このフィードのサーバーが現在応答していません。</translation>
    </message>
    <message>
        <source>You mute everyone on it.</source>
        <translation>このリストの全員をミュートしています。</translation>
    </message>
    <message>
        <source>You block everyone on it.</source>
        <translation>このリストの全員をブロックしています。</translation>
    </message>
    <message>
        <source>Rename list</source>
        <translation>リスト名を変更</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新しい名前:</translation>
    </message>
    <message>
        <source>Delete list</source>
        <translation>リストを削除</translation>
    </message>
    <message>
        <source>Delete the list “{name}”? This can&apos;t be undone.</source>
        <translation>リスト「{name}」を削除しますか？この操作は取り消せません。</translation>
    </message>
    <message>
        <source>Un&amp;pin from Home</source>
        <translation>ホームから固定解除(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Pin to Home</source>
        <translation>ホームに固定(&amp;P)</translation>
    </message>
    <message>
        <source>Remove from &amp;saved</source>
        <translation>保存済みから削除(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <comment>keep a feed in the saved feeds</comment>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>♥ &amp;Liked</source>
        <translation>♥ いいね済み(&amp;L)</translation>
    </message>
    <message>
        <source>♡ &amp;Like</source>
        <comment>like a feed</comment>
        <translation>♡ いいね(&amp;L)</translation>
    </message>
    <message>
        <source>Un&amp;mute list</source>
        <translation>ミュート解除(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Mute list</source>
        <translation>リストをミュート(&amp;M)</translation>
    </message>
    <message>
        <source>Un&amp;block list</source>
        <translation>ブロック解除(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Block list</source>
        <translation>リストをブロック(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>名前を変更(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Delete list</source>
        <translation>リストを削除(&amp;D)</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>フィード</translation>
    </message>
    <message>
        <source>Feed posts</source>
        <translation>フィードのポスト</translation>
    </message>
    <message>
        <source>Loading the feed…</source>
        <translation>フィードを読み込み中…</translation>
    </message>
    <message>
        <source>This feed has no posts yet.</source>
        <translation>このフィードにはまだポストがありません。</translation>
    </message>
    <message>
        <source>Following</source>
        <comment>Home tab: posts of the accounts followed</comment>
        <translation>フォロー中</translation>
    </message>
    <message>
        <source>Home timeline</source>
        <translation>ホームタイムライン</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>ホーム</translation>
    </message>
    <message>
        <source>Loading your timeline…</source>
        <translation>タイムラインを読み込み中…</translation>
    </message>
    <message>
        <source>Your timeline is empty.
Follow people to see their posts here.</source>
        <translation>タイムラインにはまだ何もありません。
ユーザーをフォローすると、そのポストがここに表示されます。</translation>
    </message>
    <message>
        <source>Home feeds</source>
        <translation>ホームのフィード</translation>
    </message>
    <message>
        <source>{name} feed</source>
        <translation>{name} フィード</translation>
    </message>
    <message>
        <source>Loading {name}…</source>
        <translation>{name} を読み込み中…</translation>
    </message>
    <message>
        <source>Feed tab actions</source>
        <translation>フィードタブの操作</translation>
    </message>
    <message>
        <source>Move left</source>
        <translation>左へ移動</translation>
    </message>
    <message>
        <source>Move right</source>
        <translation>右へ移動</translation>
    </message>
    <message>
        <source>About this feed</source>
        <translation>このフィードについて</translation>
    </message>
    <message>
        <source>Unpin from Home</source>
        <translation>ホームから固定解除</translation>
    </message>
    <message>
        <source>Posts</source>
        <comment>profile tab: the account&apos;s posts</comment>
        <translation>ポスト</translation>
    </message>
    <message>
        <source>Replies</source>
        <comment>profile tab: the account&apos;s posts and replies</comment>
        <translation>返信</translation>
    </message>
    <message>
        <source>Media</source>
        <comment>profile tab: the account&apos;s posts with images or video</comment>
        <translation>メディア</translation>
    </message>
    <message>
        <source>Feeds</source>
        <comment>tab: custom feeds</comment>
        <translation>フィード</translation>
    </message>
    <message>
        <source>Lists</source>
        <comment>profile tab: the account&apos;s lists</comment>
        <translation>リスト</translation>
    </message>
    <message>
        <source>Likes</source>
        <comment>profile tab: the posts the account liked</comment>
        <translation>いいね</translation>
    </message>
    <message>
        <source>Latest</source>
        <comment>search tab: newest posts first</comment>
        <translation>最新</translation>
    </message>
    <message>
        <source>Top</source>
        <comment>search tab: most popular posts first</comment>
        <translation>トップ</translation>
    </message>
    <message>
        <source>People</source>
        <comment>search tab: accounts</comment>
        <translation>ユーザー</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Loading your notifications…</source>
        <translation>通知を読み込み中…</translation>
    </message>
    <message>
        <source>No notifications yet.</source>
        <translation>通知はまだありません。</translation>
    </message>
    <message>
        <source>Follows you</source>
        <translation>フォローされています</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>フォロー</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>その他の操作</translation>
    </message>
    <message>
        <source>Mute</source>
        <comment>mute an account</comment>
        <translation>ミュート</translation>
    </message>
    <message>
        <source>Block</source>
        <comment>block an account</comment>
        <translation>ブロック</translation>
    </message>
    <message>
        <source>Add to list</source>
        <translation>リストに追加</translation>
    </message>
    <message numerus="yes">
        <source>%n followers</source>
        <translation>
            <numerusform>%n フォロワー</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n following</source>
        <translation>
            <numerusform>%n フォロー</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n posts</source>
        <translation>
            <numerusform>%n ポスト</numerusform>
        </translation>
    </message>
    <message>
        <source>Following</source>
        <comment>the account is followed: the Follow button</comment>
        <translation>フォロー中</translation>
    </message>
    <message>
        <source>Unmute</source>
        <comment>unmute an account</comment>
        <translation>ミュート解除</translation>
    </message>
    <message>
        <source>Unblock</source>
        <comment>unblock an account</comment>
        <translation>ブロック解除</translation>
    </message>
    <message>
        <source>Loading your lists…</source>
        <translation>リストを読み込み中…</translation>
    </message>
    <message>
        <source>{name} (moderation)</source>
        <translation>{name}（モデレーション）</translation>
    </message>
    <message>
        <source>New list…</source>
        <translation>新しいリスト…</translation>
    </message>
    <message>
        <source>New list</source>
        <translation>新しいリスト</translation>
    </message>
    <message>
        <source>Name of the new list:</source>
        <translation>新しいリストの名前:</translation>
    </message>
    <message>
        <source>Profile posts</source>
        <translation>プロフィールのポスト</translation>
    </message>
    <message>
        <source>No posts here yet.</source>
        <translation>まだポストがありません。</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>プロフィール</translation>
    </message>
    <message>
        <source>Search posts, people and feeds</source>
        <translation>ポスト、ユーザー、フィードを検索</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>検索結果</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>検索中…</translation>
    </message>
    <message>
        <source>Type a word, a #tag or a name, then press Enter.</source>
        <translation>単語、#タグ、名前を入力して Enter を押してください。</translation>
    </message>
    <message>
        <source>Nothing found for “{query}”.</source>
        <translation>「{query}」に一致する結果はありません。</translation>
    </message>
    <message>
        <source>Thread</source>
        <translation>スレッド</translation>
    </message>
    <message>
        <source>Loading the thread…</source>
        <translation>スレッドを読み込み中…</translation>
    </message>
    <message>
        <source>This thread could not be shown.</source>
        <translation>このスレッドを表示できませんでした。</translation>
    </message>
    <message>
        <source>Desktop App</source>
        <comment>the app&apos;s name</comment>
        <translation>Desktop App</translation>
    </message>
    <message>
        <source>Registered to receive sign-in links ({scheme}:) in {where}</source>
        <translation>サインインリンク ({scheme}:) を受け取れるよう {where} に登録しました</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>ポスト一覧</translation>
    </message>
    <message>
        <source>Next / previous post</source>
        <translation>次 / 前のポスト</translation>
    </message>
    <message>
        <source>All the post&apos;s actions</source>
        <translation>ポストのすべての操作</translation>
    </message>
    <message>
        <source>Check for new posts</source>
        <translation>新しいポストを確認</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>移動</translation>
    </message>
    <message>
        <source>Home</source>
        <comment>place</comment>
        <translation>ホーム</translation>
    </message>
    <message>
        <source>Notifications</source>
        <comment>place</comment>
        <translation>通知</translation>
    </message>
    <message>
        <source>Search</source>
        <comment>place</comment>
        <translation>検索</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <comment>place</comment>
        <translation>ブックマーク</translation>
    </message>
    <message>
        <source>Your profile</source>
        <translation>自分のプロフィール</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>進む</translation>
    </message>
    <message>
        <source>Home&apos;s feeds</source>
        <translation>ホームのフィード</translation>
    </message>
    <message>
        <source>Next / previous feed</source>
        <translation>次 / 前のフィード</translation>
    </message>
    <message>
        <source>Move the feed right / left</source>
        <translation>フィードを右 / 左へ移動</translation>
    </message>
    <message>
        <source>The feed&apos;s page</source>
        <translation>フィードのページ</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>作成</translation>
    </message>
    <message>
        <source>Write a post</source>
        <translation>ポストを作成</translation>
    </message>
    <message>
        <source>Post it</source>
        <translation>投稿する</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>Larger / smaller text</source>
        <translation>文字を大きく / 小さく</translation>
    </message>
    <message>
        <source>The system&apos;s size</source>
        <translation>システムの文字サイズ</translation>
    </message>
    <message>
        <source>This list</source>
        <translation>このショートカット一覧</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Key</source>
        <comment>on the keyboard</comment>
        <translation>キー</translation>
    </message>
    <message>
        <source>Does</source>
        <comment>what a key does</comment>
        <translation>動作</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>アカウント(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Add account…</source>
        <translation>アカウントを追加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Home timeline</source>
        <translation>ホームタイムライン(&amp;H)</translation>
    </message>
    <message>
        <source>Show &amp;accounts</source>
        <translation>アカウントを表示(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>移動(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Home</source>
        <comment>place</comment>
        <translation>ホーム(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <comment>place</comment>
        <translation>通知(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <comment>place</comment>
        <translation>検索(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Bookmarks</source>
        <comment>place</comment>
        <translation>ブックマーク(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <comment>place</comment>
        <translation>プロフィール(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <comment>place</comment>
        <translation>アカウント(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Text size {percent}%</source>
        <translation>文字サイズ {percent}%</translation>
    </message>
    <message>
        <source>Home · @{handle}</source>
        <translation>ホーム · @{handle}</translation>
    </message>
    <message>
        <source>Profile</source>
        <comment>place</comment>
        <translation>プロフィール</translation>
    </message>
    <message numerus="yes">
        <source>%n unread notifications</source>
        <translation>
            <numerusform>未読の通知 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Notifications, %n unread</source>
        <translation>
            <numerusform>通知、未読 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>current place</source>
        <translation>現在の場所</translation>
    </message>
    <message>
        <source>Not sent. It&apos;s back in your drafts.</source>
        <translation>送信されませんでした。下書きに戻しました。</translation>
    </message>
    <message>
        <source>Not sent.</source>
        <translation>送信されませんでした。</translation>
    </message>
    <message>
        <source>{name} replied to you</source>
        <translation>{name} さんがあなたに返信しました</translation>
    </message>
    <message numerus="yes">
        <source>{name} replied to you, and %n more</source>
        <translation>
            <numerusform>{name} さんがあなたに返信しました（ほか %n 件）</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} mentioned you</source>
        <translation>{name} さんがあなたをメンションしました</translation>
    </message>
    <message numerus="yes">
        <source>{name} mentioned you, and %n more</source>
        <translation>
            <numerusform>{name} さんがあなたをメンションしました（ほか %n 件）</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} quoted your post</source>
        <translation>{name} さんがあなたのポストを引用しました</translation>
    </message>
    <message numerus="yes">
        <source>{name} quoted your post, and %n more</source>
        <translation>
            <numerusform>{name} さんがあなたのポストを引用しました（ほか %n 件）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name} notified you, and %n more</source>
        <translation>
            <numerusform>{name} さんから通知があります（ほか %n 件）</numerusform>
        </translation>
    </message>
    <message>
        <source>post</source>
        <comment>a permission: post as you</comment>
        <translation>ポスト</translation>
    </message>
    <message>
        <source>like</source>
        <comment>a permission: like as you</comment>
        <translation>いいね</translation>
    </message>
    <message>
        <source>repost</source>
        <comment>a permission: repost as you</comment>
        <translation>リポスト</translation>
    </message>
    <message>
        <source>follow</source>
        <comment>a permission: follow as you</comment>
        <translation>フォロー</translation>
    </message>
    <message>
        <source>mute</source>
        <comment>a permission: mute as you</comment>
        <translation>ミュート</translation>
    </message>
    <message>
        <source>block</source>
        <comment>a permission: block as you</comment>
        <translation>ブロック</translation>
    </message>
    <message>
        <source>your timeline</source>
        <comment>a permission: read your timeline</comment>
        <translation>タイムライン</translation>
    </message>
    <message>
        <source>notifications</source>
        <comment>a permission: read your notifications</comment>
        <translation>通知</translation>
    </message>
    <message>
        <source>upload images</source>
        <comment>a permission</comment>
        <translation>画像のアップロード</translation>
    </message>
    <message>
        <source>keep your drafts on your account</source>
        <comment>a permission</comment>
        <translation>下書きをアカウントに保存</translation>
    </message>
    <message>
        <source>pin and save custom feeds</source>
        <comment>a permission</comment>
        <translation>カスタムフィードのピン留めと保存</translation>
    </message>
    <message>
        <source>make lists and subscribe to moderation lists</source>
        <comment>a permission</comment>
        <translation>リストの作成とモデレーションリストの購読</translation>
    </message>
    <message>
        <source>bookmark posts</source>
        <comment>a permission</comment>
        <translation>ポストのブックマーク</translation>
    </message>
    <message>
        <source>{items} and {last}</source>
        <comment>the end of a list of things</comment>
        <translation>{items}と{last}</translation>
    </message>
    <message>
        <source>{actions} as you</source>
        <comment>what the app may do as the account</comment>
        <translation>あなたとして{actions}</translation>
    </message>
    <message>
        <source>read {things}</source>
        <comment>what the app may read</comment>
        <translation>{things}の閲覧</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between the parts of a sentence</comment>
        <translation>；</translation>
    </message>
    <message>
        <source>Nothing beyond knowing who you are</source>
        <translation>あなたが誰かを知ること以外は何もできません</translation>
    </message>
    <message>
        <source>Full access, and more than this app uses was granted</source>
        <translation>フルアクセス（このアプリが使う以上の権限も付与されています）</translation>
    </message>
    <message>
        <source>Full access: this server does not offer limited permissions</source>
        <translation>フルアクセス: このサーバーは限定された権限に対応していません</translation>
    </message>
    <message>
        <source>More than this app uses was granted</source>
        <translation>このアプリが使う以上の権限が付与されています</translation>
    </message>
    <message>
        <source>Only what this app uses</source>
        <translation>このアプリが使う権限だけ</translation>
    </message>
    <message>
        <source>Posting wasn&apos;t allowed when you signed in.</source>
        <translation>サインイン時にポストは許可されませんでした。</translation>
    </message>
    <message>
        <source>Liking wasn&apos;t allowed when you signed in.</source>
        <translation>サインイン時にいいねは許可されませんでした。</translation>
    </message>
    <message>
        <source>Reposting wasn&apos;t allowed when you signed in.</source>
        <translation>サインイン時にリポストは許可されませんでした。</translation>
    </message>
    <message>
        <source>Following wasn&apos;t allowed when you signed in.</source>
        <translation>サインイン時にフォローは許可されませんでした。</translation>
    </message>
    <message>
        <source>Muting and blocking wasn&apos;t allowed when you signed in.</source>
        <translation>サインイン時にミュートとブロックは許可されませんでした。</translation>
    </message>
    <message>
        <source>Reading your timeline wasn&apos;t allowed when you signed in.</source>
        <translation>サインイン時にタイムラインの閲覧は許可されませんでした。</translation>
    </message>
    <message>
        <source>Reading your notifications wasn&apos;t allowed when you signed in.</source>
        <translation>サインイン時に通知の閲覧は許可されませんでした。</translation>
    </message>
    <message>
        <source>Uploading images wasn&apos;t allowed when you signed in.</source>
        <translation>サインイン時に画像のアップロードは許可されませんでした。</translation>
    </message>
    <message>
        <source>Keeping drafts on your account wasn&apos;t allowed when you signed in.</source>
        <translation>サインイン時に下書きのアカウントへの保存は許可されませんでした。</translation>
    </message>
    <message>
        <source>Using custom feeds wasn&apos;t allowed when you signed in.</source>
        <translation>サインイン時にカスタムフィードの利用は許可されませんでした。</translation>
    </message>
    <message>
        <source>Using lists wasn&apos;t allowed when you signed in.</source>
        <translation>サインイン時にリストの利用は許可されませんでした。</translation>
    </message>
    <message>
        <source>Bookmarking wasn&apos;t allowed when you signed in.</source>
        <translation>サインイン時にブックマークは許可されませんでした。</translation>
    </message>
    <message>
        <source>{date}, {time}</source>
        <comment>a date then a time of day: Dec 4, 14:05</comment>
        <translation>{date} {time}</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1日</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n日</numerusform>
        </translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1時間</translation>
    </message>
    <message numerus="yes">
        <source>%n hours</source>
        <translation>
            <numerusform>%n時間</numerusform>
        </translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1分</translation>
    </message>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n分</numerusform>
        </translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation>1分未満</translation>
    </message>
    <message>
        <source>{larger} {smaller}</source>
        <comment>a duration in two units: 13 days 4 hours</comment>
        <translation>{larger}{smaller}</translation>
    </message>
    <message>
        <source>Session ends in {duration}</source>
        <translation>セッション終了まであと{duration}</translation>
    </message>
    <message>
        <source>Session has ended</source>
        <translation>セッションは終了しました</translation>
    </message>
    <message>
        <source>it reached the maximum length your provider allows</source>
        <translation>プロバイダーが認める最長期間に達したため</translation>
    </message>
    <message>
        <source>the app wasn&apos;t used for too long</source>
        <translation>アプリが長い間使われなかったため</translation>
    </message>
    <message>
        <source>it was revoked (signed out elsewhere or by your provider)</source>
        <translation>取り消されたため（別の場所でサインアウトしたか、プロバイダーによるもの）</translation>
    </message>
    <message>
        <source>an old sign-in token was reused, so it was ended for safety</source>
        <translation>古いサインイントークンが再利用されたため、安全のために終了しました</translation>
    </message>
    <message>
        <source>your account moved to another provider</source>
        <translation>アカウントが別のプロバイダーに移動したため</translation>
    </message>
    <message>
        <source>the connection dropped while your sign-in was being renewed, so Bluesky ended it for safety</source>
        <translation>サインインの更新中に接続が切れたため、Bluesky が安全のために終了しました</translation>
    </message>
    <message>
        <source>your provider&apos;s answer to a renewal could not be trusted, so it was ended for safety</source>
        <translation>更新に対するプロバイダーの応答が信頼できなかったため、安全のために終了しました</translation>
    </message>
    <message>
        <source>your provider ended it</source>
        <translation>プロバイダーが終了したため</translation>
    </message>
    <message>
        <source>the session reached its end</source>
        <translation>セッションが期限に達しました</translation>
    </message>
    <message>
        <source>the session ended because {reason}</source>
        <translation>セッションが終了しました: {reason}</translation>
    </message>
    <message>
        <source>can&apos;t reach your provider; trying again in {duration}</source>
        <translation>プロバイダーに接続できません。{duration}後に再試行します</translation>
    </message>
    <message>
        <source>can&apos;t reach your provider; trying again shortly</source>
        <translation>プロバイダーに接続できません。まもなく再試行します</translation>
    </message>
    <message>
        <source>renew now to stay signed in</source>
        <translation>サインインを続けるには今すぐ更新してください</translation>
    </message>
    <message>
        <source>Apps like this one are public clients: your provider limits how long they stay signed in before you confirm again in your browser, and ends the session early if the app isn&apos;t used for a while.</source>
        <translation>このようなアプリはパブリッククライアントです。プロバイダーは、ブラウザーで再確認するまでのサインイン期間を制限し、しばらく使われない場合はセッションを早めに終了します。</translation>
    </message>
    <message>
        <source>Your keychain is locked, so the renewed sign-in is kept only while the app runs: unlock it to stay signed in after you quit.</source>
        <translation>キーチェーンがロックされているため、更新されたサインインはアプリの実行中だけ保持されます。終了後もサインインを続けるにはロックを解除してください。</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>問題が発生しました。</translation>
    </message>
    <message>
        <source>That account is not signed in here. Run `desktop-app accounts` to list them.</source>
        <translation>そのアカウントはここでサインインしていません。`desktop-app accounts` を実行すると一覧を表示できます。</translation>
    </message>
    <message>
        <source>No account is signed in. Sign in with `desktop-app login HANDLE`.</source>
        <translation>サインインしているアカウントがありません。`desktop-app login HANDLE` でサインインしてください。</translation>
    </message>
    <message>
        <source>The session-lifetime settings are invalid.</source>
        <translation>セッションの有効期間の設定が無効です。</translation>
    </message>
    <message>
        <source>That file is not an image.</source>
        <translation>そのファイルは画像ではありません。</translation>
    </message>
    <message>
        <source>That file could not be opened.</source>
        <translation>そのファイルを開けませんでした。</translation>
    </message>
    <message>
        <source>Nothing from earlier is kept on this device.</source>
        <translation>このデバイスには以前のデータが保存されていません。</translation>
    </message>
    <message>
        <source>Something else was already saved under this post&apos;s key, so it was not sent. Write it again.</source>
        <translation>このポストのキーで別のデータがすでに保存されていたため、送信されませんでした。もう一度作成してください。</translation>
    </message>
    <message>
        <source>That was already sent or cancelled.</source>
        <translation>すでに送信済みか、キャンセルされています。</translation>
    </message>
    <message>
        <source>That post can&apos;t be linked to.</source>
        <translation>そのポストにはリンクできません。</translation>
    </message>
    <message>
        <source>A newer sign-in for this account replaced this one.</source>
        <translation>このアカウントの新しいサインインに置き換えられました。</translation>
    </message>
    <message>
        <source>Enter your handle here, or use “Use a different provider” for an address.</source>
        <translation>ここにはハンドルを入力してください。アドレスを使う場合は「別のプロバイダーを使う」を選んでください。</translation>
    </message>
    <message>
        <source>Enter the provider&apos;s address (https://…).</source>
        <translation>プロバイダーのアドレス (https://…) を入力してください。</translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation>下書きを保存しました。</translation>
    </message>
    <message>
        <source>There is nothing to save yet.</source>
        <translation>保存する内容がまだありません。</translation>
    </message>
    <message>
        <source>The draft could not be saved: {reason}</source>
        <translation>下書きを保存できませんでした: {reason}</translation>
    </message>
    <message>
        <source>The drafts could not be read: {reason}</source>
        <translation>下書きを読み込めませんでした: {reason}</translation>
    </message>
    <message>
        <source>That draft could not be opened: {reason}</source>
        <translation>その下書きを開けませんでした: {reason}</translation>
    </message>
    <message>
        <source>That draft could not be deleted: {reason}</source>
        <translation>その下書きを削除できませんでした: {reason}</translation>
    </message>
    <message>
        <source>Draft deleted.</source>
        <translation>下書きを削除しました。</translation>
    </message>
    <message>
        <source>the disk refused it.</source>
        <translation>ディスクに書き込めませんでした。</translation>
    </message>
    <message>
        <source>Deleted the list {list}.</source>
        <translation>リスト「{list}」を削除しました。</translation>
    </message>
    <message>
        <source>Posted.</source>
        <translation>投稿しました。</translation>
    </message>
    <message>
        <source>This post hasn&apos;t been sent yet: it waits in the outbox.</source>
        <translation>このポストはまだ送信されていません。送信トレイで待機しています。</translation>
    </message>
    <message>
        <source>Offline — showing posts from {when}</source>
        <translation>オフライン — {when} 時点のポストを表示しています</translation>
    </message>
    <message>
        <source>{reason} Showing posts from {when}.</source>
        <translation>{reason} {when} 時点のポストを表示しています。</translation>
    </message>
    <message>
        <source>Not sent yet: it waits in the outbox and goes as soon as it can.</source>
        <translation>まだ送信されていません。送信トレイで待機し、送信可能になりしだい送信されます。</translation>
    </message>
    <message>
        <source>Added {who} to {list}.</source>
        <translation>{who} をリスト「{list}」に追加しました。</translation>
    </message>
    <message>
        <source>Removed {who} from {list}.</source>
        <translation>{who} をリスト「{list}」から削除しました。</translation>
    </message>
    <message>
        <source>Made the list {list} with {who} on it.</source>
        <translation>{who} を含むリスト「{list}」を作成しました。</translation>
    </message>
    <message>
        <source>Replied.</source>
        <translation>返信しました。</translation>
    </message>
    <message>
        <source>Something went wrong while talking to your Bluesky provider.</source>
        <translation>Bluesky プロバイダーとの通信中に問題が発生しました。</translation>
    </message>
    <message>
        <source>Your handle or account could not be looked up.</source>
        <translation>ハンドルまたはアカウントを照会できませんでした。</translation>
    </message>
    <message>
        <source>That is not a valid handle, DID or server address.</source>
        <translation>有効なハンドル、DID、サーバーアドレスではありません。</translation>
    </message>
    <message>
        <source>No account was found for that handle. Check the spelling and try again.</source>
        <translation>そのハンドルのアカウントが見つかりませんでした。綴りを確認して、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The account&apos;s identity document could not be loaded.</source>
        <translation>アカウントの ID ドキュメントを読み込めませんでした。</translation>
    </message>
    <message>
        <source>The account does not confirm that handle, so it cannot be trusted. Check the handle or sign in with your DID.</source>
        <translation>アカウントがそのハンドルを確認していないため、信頼できません。ハンドルを確認するか、DID でサインインしてください。</translation>
    </message>
    <message>
        <source>The account does not name a Bluesky data server (PDS).</source>
        <translation>アカウントに Bluesky のデータサーバー (PDS) が指定されていません。</translation>
    </message>
    <message>
        <source>Your provider could not be reached. Check your connection and try again.</source>
        <translation>プロバイダーに接続できませんでした。接続を確認して、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The provider uses an insecure (non-HTTPS) address, which is not allowed.</source>
        <translation>プロバイダーが安全でない (HTTPS ではない) アドレスを使用しています。これは許可されていません。</translation>
    </message>
    <message>
        <source>Your provider&apos;s address is not a valid web address.</source>
        <translation>プロバイダーのアドレスが有効なウェブアドレスではありません。</translation>
    </message>
    <message>
        <source>The provider&apos;s address is a private or local one, which this app does not contact outside development.</source>
        <translation>プロバイダーのアドレスがプライベートまたはローカルのアドレスです。このアプリは開発時以外にこうしたアドレスには接続しません。</translation>
    </message>
    <message>
        <source>The provider sent an unexpectedly large response.</source>
        <translation>プロバイダーから想定外に大きな応答が返されました。</translation>
    </message>
    <message>
        <source>Bluesky sent a reply this app could not understand.</source>
        <translation>Bluesky から、このアプリが解釈できない応答が返されました。</translation>
    </message>
    <message>
        <source>Enter a handle or DID here, not a server address.</source>
        <translation>ここにはサーバーアドレスではなく、ハンドルまたは DID を入力してください。</translation>
    </message>
    <message>
        <source>That handle&apos;s records point to different accounts, so it cannot be trusted. Its owner needs to fix its DNS or web settings.</source>
        <translation>そのハンドルのレコードが別々のアカウントを指しているため、信頼できません。ハンドルの所有者が DNS またはウェブの設定を修正する必要があります。</translation>
    </message>
    <message>
        <source>That account was not found; it may have been deleted or deactivated.</source>
        <translation>そのアカウントが見つかりませんでした。削除または無効化された可能性があります。</translation>
    </message>
    <message>
        <source>Your provider&apos;s sign-in configuration is invalid or unsupported.</source>
        <translation>プロバイダーのサインイン設定が無効か、サポートされていません。</translation>
    </message>
    <message>
        <source>The app&apos;s sign-in configuration is invalid.</source>
        <translation>アプリのサインイン設定が無効です。</translation>
    </message>
    <message>
        <source>Sign-in could not be started with your provider.</source>
        <translation>プロバイダーでサインインを開始できませんでした。</translation>
    </message>
    <message>
        <source>Your provider does not allow renewing this session without a prompt.</source>
        <translation>プロバイダーは確認なしでこのセッションを更新することを許可していません。</translation>
    </message>
    <message>
        <source>You denied access, so you were not signed in.</source>
        <translation>アクセスを拒否したため、サインインしませんでした。</translation>
    </message>
    <message>
        <source>Your provider needs you to sign in again.</source>
        <translation>プロバイダーから再度のサインインを求められています。</translation>
    </message>
    <message>
        <source>Your provider needs you to approve this app again.</source>
        <translation>プロバイダーからこのアプリの再承認を求められています。</translation>
    </message>
    <message>
        <source>Your provider needs you to confirm in the browser.</source>
        <translation>プロバイダーからブラウザでの確認を求められています。</translation>
    </message>
    <message>
        <source>Your provider is busy right now. Try again in a moment.</source>
        <translation>プロバイダーが混み合っています。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <source>Your provider reported an error during sign-in.</source>
        <translation>サインイン中にプロバイダーがエラーを報告しました。</translation>
    </message>
    <message>
        <source>The sign-in answer from your browser was not valid. Please try again.</source>
        <translation>ブラウザからのサインインの応答が無効でした。もう一度お試しください。</translation>
    </message>
    <message>
        <source>This sign-in link has expired or was already used. Start signing in again.</source>
        <translation>このサインインリンクは期限切れか、すでに使用されています。もう一度サインインをやり直してください。</translation>
    </message>
    <message>
        <source>The sign-in answer came from the wrong provider and was rejected.</source>
        <translation>サインインの応答が別のプロバイダーから届いたため、拒否しました。</translation>
    </message>
    <message>
        <source>The sign-in took too long. Start signing in again.</source>
        <translation>サインインに時間がかかりすぎました。もう一度サインインをやり直してください。</translation>
    </message>
    <message>
        <source>Your provider&apos;s answer to the sign-in could not be accepted.</source>
        <translation>サインインに対するプロバイダーの応答を受け付けられませんでした。</translation>
    </message>
    <message>
        <source>Your provider answered in a way this app can&apos;t trust. Try again later.</source>
        <translation>プロバイダーの応答を信頼できませんでした。後でもう一度お試しください。</translation>
    </message>
    <message>
        <source>Your session reached its maximum length. Please sign in again.</source>
        <translation>セッションが最長期間に達しました。再度サインインしてください。</translation>
    </message>
    <message>
        <source>Your session ended because it was not used for too long. Please sign in again.</source>
        <translation>長い間使われなかったため、セッションが終了しました。再度サインインしてください。</translation>
    </message>
    <message>
        <source>Your session was ended for safety because an old sign-in token was reused. Please sign in again.</source>
        <translation>古いサインイントークンが再利用されたため、安全のためにセッションを終了しました。再度サインインしてください。</translation>
    </message>
    <message>
        <source>Your session was revoked. Please sign in again.</source>
        <translation>セッションが取り消されました。再度サインインしてください。</translation>
    </message>
    <message>
        <source>Your account moved to another provider. Please sign in again.</source>
        <translation>アカウントが別のプロバイダーに移動しました。再度サインインしてください。</translation>
    </message>
    <message>
        <source>The connection dropped while your sign-in was being renewed, so Bluesky ended it for safety. Please sign in again.</source>
        <translation>サインインの更新中に接続が切れたため、Bluesky が安全のためにセッションを終了しました。再度サインインしてください。</translation>
    </message>
    <message>
        <source>Your provider&apos;s answer to a renewal could not be trusted, so the app ended the session for safety. Please sign in again.</source>
        <translation>更新に対するプロバイダーの応答が信頼できなかったため、安全のためにセッションを終了しました。再度サインインしてください。</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>セッションが終了しました。再度サインインしてください。</translation>
    </message>
    <message>
        <source>Your session could not be renewed right now; the app will try again.</source>
        <translation>現在セッションを更新できません。後で自動的に再試行します。</translation>
    </message>
    <message>
        <source>You are not signed in with that account.</source>
        <translation>そのアカウントではサインインしていません。</translation>
    </message>
    <message>
        <source>The secure request signature was rejected by your provider.</source>
        <translation>リクエストのセキュリティ署名がプロバイダーに拒否されました。</translation>
    </message>
    <message>
        <source>Your sign-in could not be saved securely.</source>
        <translation>サインイン情報を安全に保存できませんでした。</translation>
    </message>
    <message>
        <source>Handles ending in .{tld} cannot be used to sign in.</source>
        <translation>.{tld} で終わるハンドルではサインインできません。</translation>
    </message>
    <message>
        <source>That is not a valid handle. A handle looks like a domain name, for example alice.bsky.social.</source>
        <translation>有効なハンドルではありません。ハンドルは alice.bsky.social のようなドメイン名の形式です。</translation>
    </message>
    <message>
        <source>That did:plc identifier is malformed: it needs 24 letters and digits.</source>
        <translation>その did:plc 識別子は形式が正しくありません。英数字 24 文字が必要です。</translation>
    </message>
    <message>
        <source>That did:web names a local or reserved domain (like .local, .arpa or .onion), which atproto accounts may not use.</source>
        <translation>その did:web はローカルまたは予約済みのドメイン (.local、.arpa、.onion など) を指定しています。atproto のアカウントでは使用できません。</translation>
    </message>
    <message>
        <source>That did:web identifier is not supported: it must name just a public host name, without a path or port.</source>
        <translation>その did:web 識別子はサポートされていません。パスやポートを含まない、公開ホスト名のみを指定する必要があります。</translation>
    </message>
    <message>
        <source>Only did:plc and did:web accounts are supported.</source>
        <translation>サポートされているのは did:plc と did:web のアカウントのみです。</translation>
    </message>
    <message>
        <source>That is not a valid DID. A DID looks like did:plc:… or did:web:….</source>
        <translation>有効な DID ではありません。DID は did:plc:… または did:web:… の形式です。</translation>
    </message>
    <message>
        <source>That is not a valid server address. It should start with https://.</source>
        <translation>有効なサーバーアドレスではありません。https:// で始まる必要があります。</translation>
    </message>
    <message>
        <source>The server address must not contain a user name or password.</source>
        <translation>サーバーアドレスにユーザー名やパスワードを含めることはできません。</translation>
    </message>
    <message>
        <source>Enter your handle, for example alice.bsky.social.</source>
        <translation>ハンドルを入力してください (例: alice.bsky.social)。</translation>
    </message>
    <message>
        <source>A list needs a name of up to 64 characters.</source>
        <translation>リストには 64 文字以内の名前が必要です。</translation>
    </message>
    <message>
        <source>That is not a link to a post (at://… or https://bsky.app/profile/…/post/…).</source>
        <translation>ポストへのリンク (at://… または https://bsky.app/profile/…/post/…) ではありません。</translation>
    </message>
    <message>
        <source>No account has the handle {handle}.</source>
        <translation>ハンドル {handle} のアカウントはありません。</translation>
    </message>
    <message>
        <source>That is not the address of a custom feed.</source>
        <translation>カスタムフィードのアドレスではありません。</translation>
    </message>
    <message>
        <source>That is not the address of a list.</source>
        <translation>リストのアドレスではありません。</translation>
    </message>
    <message>
        <source>That list belongs to another account.</source>
        <translation>そのリストは別のアカウントのものです。</translation>
    </message>
    <message>
        <source>Write something or add an image.</source>
        <translation>テキストを入力するか、画像を追加してください。</translation>
    </message>
    <message>
        <source>That post is too long: {length} characters, the limit is {limit}.</source>
        <translation>ポストが長すぎます: {length} 文字です (上限は {limit} 文字)。</translation>
    </message>
    <message>
        <source>That post is too long: {size} bytes, the limit is {limit}.</source>
        <translation>ポストが長すぎます: {size} バイトです (上限は {limit} バイト)。</translation>
    </message>
    <message>
        <source>The post&apos;s links, mentions or tags don&apos;t match its text.</source>
        <translation>ポストのリンク、メンション、タグが本文と一致しません。</translation>
    </message>
    <message>
        <source>A post can have at most {count} images.</source>
        <translation>ポストに添付できる画像は最大 {count} 枚です。</translation>
    </message>
    <message>
        <source>Choose up to three valid languages.</source>
        <translation>有効な言語を 3 つまで選んでください。</translation>
    </message>
    <message>
        <source>That record belongs to another account.</source>
        <translation>そのレコードは別のアカウントのものです。</translation>
    </message>
    <message>
        <source>Page size must be 1 to 100.</source>
        <translation>ページサイズは 1〜100 の範囲で指定してください。</translation>
    </message>
    <message>
        <source>Type something to search for (up to 500 characters).</source>
        <translation>検索する語句を入力してください (500 文字以内)。</translation>
    </message>
    <message>
        <source>That is not a handle or a DID.</source>
        <translation>ハンドルでも DID でもありません。</translation>
    </message>
    <message>
        <source>Bluesky could not do that right now. Try again in a moment.</source>
        <translation>Bluesky は現在その操作を実行できません。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <source>Bluesky did not accept that: {description}</source>
        <translation>Bluesky に受け付けられませんでした: {description}</translation>
    </message>
    <message>
        <source>Bluesky did not accept that.</source>
        <translation>Bluesky に受け付けられませんでした。</translation>
    </message>
    <message>
        <source>That post or account no longer exists.</source>
        <translation>そのポストまたはアカウントはもう存在しません。</translation>
    </message>
    <message>
        <source>Bluesky is limiting how fast this app can act. Try again in {wait}.</source>
        <translation>Bluesky がこのアプリの操作頻度を制限しています。{wait}後にもう一度お試しください。</translation>
    </message>
    <message>
        <source>The feed “{feed}” isn&apos;t working right now: its server is down or sent something unreadable. Your other feeds are fine.</source>
        <translation>フィード「{feed}」は現在利用できません。サーバーが停止しているか、読み取れないデータを返しました。他のフィードは問題ありません。</translation>
    </message>
    <message>
        <source>This feed isn&apos;t working right now: its server is down or sent something unreadable. Your other feeds are fine.</source>
        <translation>このフィードは現在利用できません。サーバーが停止しているか、読み取れないデータを返しました。他のフィードは問題ありません。</translation>
    </message>
    <message>
        <source>That post cannot be sent as it is.</source>
        <translation>このポストはこのままでは送信できません。</translation>
    </message>
    <message>
        <source>That is not a feed or a list.</source>
        <translation>フィードでもリストでもありません。</translation>
    </message>
    <message>
        <source>That is not the at:// address of a feed or a list.</source>
        <translation>フィードまたはリストの at:// アドレスではありません。</translation>
    </message>
    <message>
        <source>Too many saved feeds.</source>
        <translation>保存したフィードが多すぎます。</translation>
    </message>
    <message>
        <source>Only JPEG, PNG, GIF and WebP images can be attached.</source>
        <translation>添付できる画像は JPEG、PNG、GIF、WebP のみです。</translation>
    </message>
    <message>
        <source>That file is not the kind of image its name says.</source>
        <translation>そのファイルは、ファイル名が示す種類の画像ではありません。</translation>
    </message>
    <message>
        <source>That image is {size} MB; Bluesky accepts up to {limit} MB.</source>
        <translation>その画像は {size} MB です。Bluesky で扱えるのは {limit} MB までです。</translation>
    </message>
    <message>
        <source>This app wasn&apos;t allowed to do that when you signed in.</source>
        <translation>サインイン時に、この操作はこのアプリに許可されませんでした。</translation>
    </message>
    <message>
        <source>The app could not open your web browser. Use “Copy link” and open it yourself.</source>
        <translation>ウェブブラウザを開けませんでした。「リンクをコピー」を使って、ご自身で開いてください。</translation>
    </message>
    <message>
        <source>Your system could not do what the app asked of it.</source>
        <translation>システムがアプリの要求を実行できませんでした。</translation>
    </message>
    <message>
        <source>No system keychain is available, so the app cannot keep you signed in safely. Install or unlock a keychain (for example GNOME Keyring or KWallet) and try again.</source>
        <translation>システムのキーチェーンを利用できないため、サインイン状態を安全に保持できません。キーチェーン (GNOME Keyring や KWallet など) をインストールするかロックを解除して、もう一度お試しください。</translation>
    </message>
    <message>
        <source>Your system keychain is locked, so the app cannot keep you signed in. Unlock it (or accept the unlock prompt) and try again.</source>
        <translation>システムのキーチェーンがロックされているため、サインイン状態を保持できません。ロックを解除して (またはロック解除の確認に応じて)、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The app could not register itself to receive sign-in links.</source>
        <translation>サインインリンクを受け取るためのアプリの登録ができませんでした。</translation>
    </message>
</context>
</TS>
