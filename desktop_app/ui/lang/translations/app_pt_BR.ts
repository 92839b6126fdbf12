<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name></name>
    <message>
        <source>Your provider did not allow {features}.</source>
        <translation>Seu provedor não permitiu {features}.</translation>
    </message>
    <message>
        <source>Allowed: {permissions}.</source>
        <translation>Permitido: {permissions}.</translation>
    </message>
    <message>
        <source>@{handle}: {status}. Renew it to stay signed in.</source>
        <translation>@{handle}: {status}. Renove para continuar conectado.</translation>
    </message>
    <message>
        <source>Renew your session</source>
        <translation>Renove sua sessão</translation>
    </message>
    <message>
        <source>expired</source>
        <comment>the access token</comment>
        <translation>expirado</translation>
    </message>
    <message numerus="yes">
        <source>renews automatically (in %n min)</source>
        <translation>
            <numerusform>renovação automática (em %n min)</numerusform>
            <numerusform>renovação automática (em %n min)</numerusform>
        </translation>
    </message>
    <message>
        <source>Renewed silently</source>
        <translation>Renovado em segundo plano</translation>
    </message>
    <message>
        <source>Renewed after you confirmed in your browser</source>
        <translation>Renovado após sua confirmação no navegador</translation>
    </message>
    <message>
        <source>Renewal failed: {error}</source>
        <translation>Falha na renovação: {error}</translation>
    </message>
    <message>
        <source>dd MMM yyyy HH:mm</source>
        <comment>a QDateTime format: when a session started</comment>
        <translation>dd/MM/yyyy HH:mm</translation>
    </message>
    <message>
        <source>Not allowed: {features}</source>
        <translation>Não permitido: {features}</translation>
    </message>
    <message>
        <source>Renew session</source>
        <translation>Renovar sessão</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Mais tarde</translation>
    </message>
    <message>
        <source>Allow…</source>
        <translation>Permitir…</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Agora não</translation>
    </message>
    <message>
        <source>Opens your browser to ask your provider once more</source>
        <translation>Abre o navegador para pedir ao seu provedor mais uma vez</translation>
    </message>
    <message>
        <source>Approve the new permissions in your browser…</source>
        <translation>Aprove as novas permissões no navegador…</translation>
    </message>
    <message>
        <source>Sign in to Bluesky</source>
        <translation>Entrar no Bluesky</translation>
    </message>
    <message>
        <source>yourname.bsky.social</source>
        <comment>an example handle</comment>
        <translation>seunome.bsky.social</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>Identificador</translation>
    </message>
    <message>
        <source>&amp;Handle</source>
        <translation>&amp;Identificador</translation>
    </message>
    <message>
        <source>Handle problem</source>
        <translation>Problema com o identificador</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Entrar</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Problema ao entrar</translation>
    </message>
    <message>
        <source>Use a different provider</source>
        <translation>Usar outro provedor</translation>
    </message>
    <message>
        <source>https://your-provider.example</source>
        <comment>an example address: keep https:// and .example</comment>
        <translation>https://seu-provedor.example</translation>
    </message>
    <message>
        <source>Provider address</source>
        <translation>Endereço do provedor</translation>
    </message>
    <message>
        <source>Waiting for your browser…</source>
        <translation>Aguardando o navegador…</translation>
    </message>
    <message>
        <source>Approve the sign-in in the browser window that just opened, then come back here.</source>
        <translation>Aprove o login na janela do navegador que acabou de abrir e depois volte aqui.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Open the page again</source>
        <translation>Abrir a página de novo</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copiar link</translation>
    </message>
    <message>
        <source>Contacting your provider…</source>
        <translation>Contatando seu provedor…</translation>
    </message>
    <message>
        <source>Signed in</source>
        <comment>the account&apos;s state</comment>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>Renewal suggested</source>
        <translation>Renovação sugerida</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Signed out — sign in again</source>
        <translation>Desconectado — entre de novo</translation>
    </message>
    <message>
        <source>Session time left</source>
        <translation>Tempo restante da sessão</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalhes</translation>
    </message>
    <message>
        <source>DID</source>
        <translation>DID</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provedor</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Permissões</translation>
    </message>
    <message>
        <source>Signed in</source>
        <comment>when the session started</comment>
        <translation>Sessão iniciada</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Token de acesso</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sair</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Entrar de novo</translation>
    </message>
    <message>
        <source>Switch to this account</source>
        <translation>Mudar para esta conta</translation>
    </message>
    <message>
        <source>{state}: {detail}</source>
        <comment>an account&apos;s state and what it means</comment>
        <translation>{state}: {detail}</translation>
    </message>
    <message>
        <source>{allowed} ({mode})</source>
        <comment>what is allowed, and how it was granted</comment>
        <translation>{allowed} ({mode})</translation>
    </message>
    <message>
        <source>Account {handle}</source>
        <translation>Conta {handle}</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>Ocultar detalhes</translation>
    </message>
    <message>
        <source>Accounts</source>
        <comment>place</comment>
        <translation>Contas</translation>
    </message>
    <message>
        <source>Describe the image for people who can&apos;t see it</source>
        <translation>Descreva a imagem para quem não pode vê-la</translation>
    </message>
    <message>
        <source>Add image</source>
        <comment>title of the file dialog</comment>
        <translation>Adicionar imagem</translation>
    </message>
    <message>
        <source>Images ({patterns})</source>
        <comment>file dialog filter</comment>
        <translation>Imagens ({patterns})</translation>
    </message>
    <message>
        <source>(no text)</source>
        <comment>a draft without text</comment>
        <translation>(sem texto)</translation>
    </message>
    <message>
        <source>reply to @{handle}</source>
        <comment>a draft answering a post by @{handle}</comment>
        <translation>resposta a @{handle}</translation>
    </message>
    <message>
        <source>reply</source>
        <comment>a draft answering a post</comment>
        <translation>resposta</translation>
    </message>
    <message numerus="yes">
        <source>%n image</source>
        <comment>a draft&apos;s one image</comment>
        <translation>
            <numerusform>%n imagem</numerusform>
            <numerusform>%n imagens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n images</source>
        <comment>a draft&apos;s images</comment>
        <translation>
            <numerusform>%n imagem</numerusform>
            <numerusform>%n imagens</numerusform>
        </translation>
    </message>
    <message>
        <source>Replying to</source>
        <comment>the post being answered</comment>
        <translation>Respondendo a</translation>
    </message>
    <message>
        <source>Cancel reply</source>
        <translation>Cancelar resposta</translation>
    </message>
    <message>
        <source>What&apos;s up?</source>
        <comment>the empty composer&apos;s invitation</comment>
        <translation>E aí?</translation>
    </message>
    <message>
        <source>Post text</source>
        <comment>the composer&apos;s text box</comment>
        <translation>Texto do post</translation>
    </message>
    <message>
        <source>Add image…</source>
        <translation>Adicionar imagem…</translation>
    </message>
    <message>
        <source>Add image</source>
        <comment>the composer&apos;s button</comment>
        <translation>Adicionar imagem</translation>
    </message>
    <message>
        <source>Post language</source>
        <comment>the language a post is in</comment>
        <translation>Idioma do post</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <comment>the label of the post&apos;s language</comment>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Drafts…</source>
        <translation>Rascunhos…</translation>
    </message>
    <message>
        <source>Drafts</source>
        <comment>saved unfinished posts</comment>
        <translation>Rascunhos</translation>
    </message>
    <message>
        <source>Open a saved draft</source>
        <translation>Abrir um rascunho salvo</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Salvar rascunho</translation>
    </message>
    <message>
        <source>Keep this in your drafts and start a new post</source>
        <translation>Guardar nos rascunhos e começar um novo post</translation>
    </message>
    <message>
        <source>Post</source>
        <comment>send the post written</comment>
        <translation>Postar</translation>
    </message>
    <message>
        <source>Post problem</source>
        <comment>why the post can&apos;t be sent</comment>
        <translation>Problema ao postar</translation>
    </message>
    <message>
        <source>Allow…</source>
        <comment>let the app post for the account</comment>
        <translation>Permitir…</translation>
    </message>
    <message>
        <source>Replying to @{handle}</source>
        <translation>Respondendo a @{handle}</translation>
    </message>
    <message>
        <source>Quoting @{handle}: “{excerpt}”</source>
        <translation>Citando @{handle}: “{excerpt}”</translation>
    </message>
    <message>
        <source>Cancel</source>
        <comment>stop replying to or quoting a post</comment>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>No drafts yet</source>
        <translation>Nenhum rascunho ainda</translation>
    </message>
    <message>
        <source>Delete a draft</source>
        <translation>Excluir um rascunho</translation>
    </message>
    <message numerus="yes">
        <source>A post can have at most %n images.</source>
        <translation>
            <numerusform>Um post pode ter no máximo %n imagem.</numerusform>
            <numerusform>Um post pode ter no máximo %n imagens.</numerusform>
        </translation>
    </message>
    <message>
        <source>That image could not be read.</source>
        <translation>Não foi possível ler essa imagem.</translation>
    </message>
    <message>
        <source>Remove</source>
        <comment>take an image off the post</comment>
        <translation>Remover</translation>
    </message>
    <message>
        <source>Alt text for image {number}</source>
        <translation>Texto alternativo da imagem {number}</translation>
    </message>
    <message>
        <source>Remove image {number}</source>
        <translation>Remover imagem {number}</translation>
    </message>
    <message numerus="yes">
        <source>%n character over the limit</source>
        <translation>
            <numerusform>%n caractere acima do limite</numerusform>
            <numerusform>%n caracteres acima do limite</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n characters over the limit</source>
        <translation>
            <numerusform>%n caractere acima do limite</numerusform>
            <numerusform>%n caracteres acima do limite</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character left</source>
        <translation>
            <numerusform>Resta %n caractere</numerusform>
            <numerusform>Restam %n caracteres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n characters left</source>
        <translation>
            <numerusform>Resta %n caractere</numerusform>
            <numerusform>Restam %n caracteres</numerusform>
        </translation>
    </message>
    <message>
        <source>Posting…</source>
        <translation>Postando…</translation>
    </message>
    <message>
        <source>Reply</source>
        <comment>send the reply written</comment>
        <translation>Responder</translation>
    </message>
    <message numerus="yes">
        <source>%n post</source>
        <comment>waiting to send</comment>
        <translation>
            <numerusform>%n post</numerusform>
            <numerusform>%n posts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n posts</source>
        <comment>waiting to send</comment>
        <translation>
            <numerusform>%n post</numerusform>
            <numerusform>%n posts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n like</source>
        <comment>waiting to send</comment>
        <translation>
            <numerusform>%n curtida</numerusform>
            <numerusform>%n curtidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n likes</source>
        <comment>waiting to send</comment>
        <translation>
            <numerusform>%n curtida</numerusform>
            <numerusform>%n curtidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repost</source>
        <comment>waiting to send</comment>
        <translation>
            <numerusform>%n repost</numerusform>
            <numerusform>%n reposts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reposts</source>
        <comment>waiting to send</comment>
        <translation>
            <numerusform>%n repost</numerusform>
            <numerusform>%n reposts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n follow</source>
        <comment>waiting to send</comment>
        <translation>
            <numerusform>%n conta a seguir</numerusform>
            <numerusform>%n contas a seguir</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n follows</source>
        <comment>waiting to send</comment>
        <translation>
            <numerusform>%n conta a seguir</numerusform>
            <numerusform>%n contas a seguir</numerusform>
        </translation>
    </message>
    <message>
        <source>Post</source>
        <comment>a post waiting to send</comment>
        <translation>Post</translation>
    </message>
    <message>
        <source>Like</source>
        <comment>a like waiting to send</comment>
        <translation>Curtida</translation>
    </message>
    <message>
        <source>Repost</source>
        <comment>a repost waiting to send</comment>
        <translation>Repost</translation>
    </message>
    <message>
        <source>Follow</source>
        <comment>a follow waiting to send</comment>
        <translation>Seguir</translation>
    </message>
    <message>
        <source>, </source>
        <comment>separates the items of a list</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>Waiting to send — {counts}.</source>
        <translation>Aguardando envio — {counts}.</translation>
    </message>
    <message>
        <source>Last try: {error}</source>
        <comment>why the last try to send failed</comment>
        <translation>Última tentativa: {error}</translation>
    </message>
    <message>
        <source>Not accepted — {counts}: {error} Cancel puts a post back in your drafts.</source>
        <translation>Não aceito — {counts}: {error} Cancelar devolve o post aos seus rascunhos.</translation>
    </message>
    <message>
        <source>{kind}: {excerpt}</source>
        <comment>a waiting write and its text, in the Cancel menu</comment>
        <translation>{kind}: {excerpt}</translation>
    </message>
    <message>
        <source>Send now</source>
        <comment>what waits in the outbox</comment>
        <translation>Enviar agora</translation>
    </message>
    <message>
        <source>Cancel</source>
        <comment>stop sending what waits in the outbox</comment>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel sending</source>
        <translation>Cancelar envio</translation>
    </message>
    <message>
        <source>Cancel…</source>
        <comment>choose what waits in the outbox to stop sending</comment>
        <translation>Cancelar…</translation>
    </message>
    <message>
        <source>Suggested accounts</source>
        <comment>to mention in a post</comment>
        <translation>Contas sugeridas</translation>
    </message>
    <message>
        <source>Show</source>
        <comment>lift a moderation cover</comment>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>@{handle}  · follows you</source>
        <translation>@{handle}  · segue você</translation>
    </message>
    <message>
        <source>Reposted by {name}</source>
        <translation>Repostado por {name}</translation>
    </message>
    <message>
        <source>Reply to {name}</source>
        <comment>the post answers a post by {name}</comment>
        <translation>Resposta a {name}</translation>
    </message>
    <message>
        <source>Image</source>
        <comment>an image not loaded, with no description</comment>
        <translation>Imagem</translation>
    </message>
    <message>
        <source>ALT</source>
        <comment>badge on an image that has a description</comment>
        <translation>ALT</translation>
    </message>
    <message>
        <source>Saved</source>
        <comment>a bookmarked post</comment>
        <translation>Salvo</translation>
    </message>
    <message>
        <source>Save</source>
        <comment>bookmark a post</comment>
        <translation>Salvar</translation>
    </message>
    <message>
        <source>Enter opens the thread; L like, R reply, T repost, Q quote, B save, P the author&apos;s profile, O the first link; the Menu key lists every action.</source>
        <comment>a screen reader&apos;s hint on a post: the keys</comment>
        <translation>Enter abre a thread; L curtir, R responder, T repostar, Q citar, B salvar, P perfil do autor, O primeiro link; a tecla Menu lista todas as ações.</translation>
    </message>
    <message>
        <source>Enter opens it.</source>
        <comment>a screen reader&apos;s hint on a row that opens something</comment>
        <translation>Enter abre.</translation>
    </message>
    <message>
        <source>Reposted by {name}.</source>
        <translation>Repostado por {name}.</translation>
    </message>
    <message>
        <source>{name} (@{handle}): hidden behind a warning, {reason}.</source>
        <translation>{name} (@{handle}): oculto por um aviso, {reason}.</translation>
    </message>
    <message>
        <source>(no text)</source>
        <comment>a post without text, read aloud</comment>
        <translation>(sem texto)</translation>
    </message>
    <message>
        <source>{name} (@{handle}), {when}: {text}</source>
        <comment>a post read aloud</comment>
        <translation>{name} (@{handle}), {when}: {text}</translation>
    </message>
    <message>
        <source>no description</source>
        <comment>an image without alt text, read aloud</comment>
        <translation>sem descrição</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s): {alts}.</source>
        <comment>a post&apos;s images and their descriptions</comment>
        <translation>
            <numerusform>%n imagem: {alts}.</numerusform>
            <numerusform>%n imagens: {alts}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Quoting {name}: {text}</source>
        <comment>a quoted post, read aloud</comment>
        <translation>Citando {name}: {text}</translation>
    </message>
    <message>
        <source>Link: {title}</source>
        <comment>a post&apos;s link card, read aloud</comment>
        <translation>Link: {title}</translation>
    </message>
    <message>
        <source>{likes}, {reposts}, {replies}.</source>
        <comment>a post&apos;s counts, read aloud</comment>
        <translation>{likes}, {reposts}, {replies}.</translation>
    </message>
    <message numerus="yes">
        <source>%n likes</source>
        <comment>a post&apos;s count, read aloud</comment>
        <translation>
            <numerusform>%n curtida</numerusform>
            <numerusform>%n curtidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reposts</source>
        <comment>a post&apos;s count, read aloud</comment>
        <translation>
            <numerusform>%n repost</numerusform>
            <numerusform>%n reposts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n replies</source>
        <comment>a post&apos;s count, read aloud</comment>
        <translation>
            <numerusform>%n resposta</numerusform>
            <numerusform>%n respostas</numerusform>
        </translation>
    </message>
    <message>
        <source>You liked it.</source>
        <translation>Você curtiu.</translation>
    </message>
    <message>
        <source>You reposted it.</source>
        <translation>Você repostou.</translation>
    </message>
    <message>
        <source>You bookmarked it.</source>
        <translation>Você salvou.</translation>
    </message>
    <message>
        <source>You liked and reposted it.</source>
        <translation>Você curtiu e repostou.</translation>
    </message>
    <message>
        <source>You liked and bookmarked it.</source>
        <translation>Você curtiu e salvou.</translation>
    </message>
    <message>
        <source>You reposted and bookmarked it.</source>
        <translation>Você repostou e salvou.</translation>
    </message>
    <message>
        <source>You liked and reposted and bookmarked it.</source>
        <translation>Você curtiu, repostou e salvou.</translation>
    </message>
    <message>
        <source>now</source>
        <comment>a post&apos;s age: under a minute</comment>
        <translation>agora</translation>
    </message>
    <message numerus="yes">
        <source>%nm</source>
        <comment>a post&apos;s age in minutes, as short as possible</comment>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%nh</source>
        <comment>a post&apos;s age in hours, as short as possible</comment>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%nd</source>
        <comment>a post&apos;s age in days, as short as possible</comment>
        <translation>
            <numerusform>%n d</numerusform>
            <numerusform>%n d</numerusform>
        </translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>date format of a post from this year (Qt QDate format)</comment>
        <translation>d &apos;de&apos; MMM</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <comment>date format of a post from an earlier year (Qt QDate format)</comment>
        <translation>d &apos;de&apos; MMM &apos;de&apos; yyyy</translation>
    </message>
    <message>
        <source>Posts</source>
        <comment>a list of posts</comment>
        <translation>Posts</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Carregando…</translation>
    </message>
    <message>
        <source>Nothing here yet.</source>
        <translation>Nada aqui ainda.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <comment>check for new posts</comment>
        <translation>Atualizar</translation>
    </message>
    <message>
        <source>Check for new posts ({key})</source>
        <translation>Verificar novos posts ({key})</translation>
    </message>
    <message>
        <source>Refresh timeline</source>
        <translation>Atualizar linha do tempo</translation>
    </message>
    <message>
        <source>Try again</source>
        <comment>load the list again</comment>
        <translation>Tentar de novo</translation>
    </message>
    <message>
        <source>Post actions</source>
        <translation>Ações do post</translation>
    </message>
    <message>
        <source>Loading more posts…</source>
        <translation>Carregando mais posts…</translation>
    </message>
    <message>
        <source>You&apos;re all caught up.</source>
        <translation>Você já viu tudo.</translation>
    </message>
    <message numerus="yes">
        <source>%n+ new posts</source>
        <comment>at least that many new posts above the list</comment>
        <translation>
            <numerusform>%n+ novos posts</numerusform>
            <numerusform>%n+ novos posts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new post</source>
        <comment>one new post above the list</comment>
        <translation>
            <numerusform>%n novo post</numerusform>
            <numerusform>%n novos posts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new posts</source>
        <comment>new posts above the list</comment>
        <translation>
            <numerusform>%n novo post</numerusform>
            <numerusform>%n novos posts</numerusform>
        </translation>
    </message>
    <message>
        <source>Show 1 more reply</source>
        <translation>Mostrar mais 1 resposta</translation>
    </message>
    <message numerus="yes">
        <source>Show %n more replies</source>
        <translation>
            <numerusform>Mostrar mais %n resposta</numerusform>
            <numerusform>Mostrar mais %n respostas</numerusform>
        </translation>
    </message>
    <message>
        <source>Show more replies</source>
        <translation>Mostrar mais respostas</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <comment>a post of yours not sent yet</comment>
        <translation>Aguardando envio</translation>
    </message>
    <message>
        <source>Post unavailable</source>
        <comment>a post in a thread that can&apos;t be shown</comment>
        <translation>Post indisponível</translation>
    </message>
    <message>
        <source>Deleted post</source>
        <comment>a quoted or replied-to post that was deleted</comment>
        <translation>Post excluído</translation>
    </message>
    <message>
        <source>Blocked post</source>
        <comment>a quoted or replied-to post that can&apos;t be seen</comment>
        <translation>Post bloqueado</translation>
    </message>
    <message>
        <source>Removed by its author</source>
        <comment>a quote detached by its author</comment>
        <translation>Removido pelo autor</translation>
    </message>
    <message>
        <source>Blocked account</source>
        <comment>why a post is hidden</comment>
        <translation>Conta bloqueada</translation>
    </message>
    <message>
        <source>Hidden by moderators</source>
        <comment>why a post is hidden</comment>
        <translation>Ocultado pelos moderadores</translation>
    </message>
    <message>
        <source>Content warning on this account</source>
        <comment>why a post is covered</comment>
        <translation>Aviso de conteúdo nesta conta</translation>
    </message>
    <message>
        <source>You muted this account</source>
        <comment>why a post is covered</comment>
        <translation>Você silenciou esta conta</translation>
    </message>
    <message>
        <source>Content warning</source>
        <comment>why a post is covered</comment>
        <translation>Aviso de conteúdo</translation>
    </message>
    <message>
        <source>↩ {name} replied to you</source>
        <translation>↩ {name} respondeu a você</translation>
    </message>
    <message>
        <source>@ {name} mentioned you</source>
        <translation>@ {name} mencionou você</translation>
    </message>
    <message>
        <source>❝ {name} quoted your post</source>
        <translation>❝ {name} citou seu post</translation>
    </message>
    <message>
        <source>{name} liked your post</source>
        <translation>{name} curtiu seu post</translation>
    </message>
    <message>
        <source>{name} and {other} liked your post</source>
        <translation>{name} e {other} curtiram seu post</translation>
    </message>
    <message numerus="yes">
        <source>{name} and %n others liked your post</source>
        <translation>
            <numerusform>{name} e mais %n pessoa curtiram seu post</numerusform>
            <numerusform>{name} e mais %n pessoas curtiram seu post</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} reposted your post</source>
        <translation>{name} repostou seu post</translation>
    </message>
    <message>
        <source>{name} and {other} reposted your post</source>
        <translation>{name} e {other} repostaram seu post</translation>
    </message>
    <message numerus="yes">
        <source>{name} and %n others reposted your post</source>
        <translation>
            <numerusform>{name} e mais %n pessoa repostaram seu post</numerusform>
            <numerusform>{name} e mais %n pessoas repostaram seu post</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} followed you</source>
        <translation>{name} seguiu você</translation>
    </message>
    <message>
        <source>{name} and {other} followed you</source>
        <translation>{name} e {other} seguiram você</translation>
    </message>
    <message numerus="yes">
        <source>{name} and %n others followed you</source>
        <translation>
            <numerusform>{name} e mais %n pessoa seguiram você</numerusform>
            <numerusform>{name} e mais %n pessoas seguiram você</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} signed up with your starter pack</source>
        <translation>{name} entrou pelo seu pacote inicial</translation>
    </message>
    <message>
        <source>{name} and {other} signed up with your starter pack</source>
        <translation>{name} e {other} entraram pelo seu pacote inicial</translation>
    </message>
    <message numerus="yes">
        <source>{name} and %n others signed up with your starter pack</source>
        <translation>
            <numerusform>{name} e mais %n pessoa entraram pelo seu pacote inicial</numerusform>
            <numerusform>{name} e mais %n pessoas entraram pelo seu pacote inicial</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} notified you</source>
        <translation>{name} enviou uma notificação</translation>
    </message>
    <message>
        <source>{name} and {other} notified you</source>
        <translation>{name} e {other} enviaram notificações</translation>
    </message>
    <message numerus="yes">
        <source>{name} and %n others notified you</source>
        <translation>
            <numerusform>{name} e mais %n pessoa enviaram notificações</numerusform>
            <numerusform>{name} e mais %n pessoas enviaram notificações</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the thread</source>
        <comment>post action</comment>
        <translation>Abrir a thread</translation>
    </message>
    <message>
        <source>Like</source>
        <comment>post action</comment>
        <translation>Curtir</translation>
    </message>
    <message>
        <source>Repost</source>
        <comment>post action</comment>
        <translation>Repostar</translation>
    </message>
    <message>
        <source>Reply</source>
        <comment>post action</comment>
        <translation>Responder</translation>
    </message>
    <message>
        <source>Quote</source>
        <comment>post action</comment>
        <translation>Citar</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <comment>post action</comment>
        <translation>Salvar</translation>
    </message>
    <message>
        <source>Open the author&apos;s profile</source>
        <comment>post action</comment>
        <translation>Abrir o perfil do autor</translation>
    </message>
    <message>
        <source>Open the first link</source>
        <comment>post action</comment>
        <translation>Abrir o primeiro link</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← Voltar</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Voltar</translation>
    </message>
    <message>
        <source>Your draft is back where you left it.</source>
        <translation>Seu rascunho voltou para onde você parou.</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>Itens salvos</translation>
    </message>
    <message>
        <source>Loading your bookmarks…</source>
        <translation>Carregando seus itens salvos…</translation>
    </message>
    <message>
        <source>No bookmarks yet.
Save a post with ⚐ to find it here.</source>
        <translation>Nenhum item salvo ainda.
Salve um post com ⚐ para encontrá-lo aqui.</translation>
    </message>
    <message>
        <source>Moderation list</source>
        <translation>Lista de moderação</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>Moderation list by @{handle}</source>
        <translation>Lista de moderação de @{handle}</translation>
    </message>
    <message>
        <source>List by @{handle}</source>
        <translation>Lista de @{handle}</translation>
    </message>
    <message numerus="yes">
        <source>Moderation list · %n people</source>
        <translation>
            <numerusform>Lista de moderação · %n pessoa</numerusform>
            <numerusform>Lista de moderação · %n pessoas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>List · %n people</source>
        <translation>
            <numerusform>Lista · %n pessoa</numerusform>
            <numerusform>Lista · %n pessoas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moderation list by @{handle} · %n people</source>
        <translation>
            <numerusform>Lista de moderação de @{handle} · %n pessoa</numerusform>
            <numerusform>Lista de moderação de @{handle} · %n pessoas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>List by @{handle} · %n people</source>
        <translation>
            <numerusform>Lista de @{handle} · %n pessoa</numerusform>
            <numerusform>Lista de @{handle} · %n pessoas</numerusform>
        </translation>
    </message>
    <message>
        <source>Show it as a tab on Home</source>
        <translation>Mostrar como aba no Início</translation>
    </message>
    <message>
        <source>Keep it in your saved feeds</source>
        <translation>Manter nos seus feeds salvos</translation>
    </message>
    <message>
        <source>Like this feed</source>
        <translation>Curtir este feed</translation>
    </message>
    <message>
        <source>Mute everyone on this list</source>
        <translation>Silenciar todos desta lista</translation>
    </message>
    <message>
        <source>Block everyone on this list</source>
        <translation>Bloquear todos desta lista</translation>
    </message>
    <message>
        <source>Give this list another name</source>
        <translation>Dar outro nome a esta lista</translation>
    </message>
    <message>
        <source>Delete this list</source>
        <translation>Excluir esta lista</translation>
    </message>
    <message numerus="yes">
        <source>Feed by @{handle} · %n likes</source>
        <translation>
            <numerusform>Feed de @{handle} · %n curtida</numerusform>
            <numerusform>Feed de @{handle} · %n curtidas</numerusform>
        </translation>
    </message>
    <message>
        <source>This feed&apos;s server isn&apos;t answering right now.</source>
        <translation>O servidor deste feed não está respondendo agora.</translation>
    </message>
    <message>
        <source>You mute everyone on it.</source>
        <translation>Você silencia todos desta lista.</translation>
    </message>
    <message>
        <source>You block everyone on it.</source>
        <translation>Você bloqueia todos desta lista.</translation>
    </message>
    <message>
        <source>Rename list</source>
        <translation>Renomear lista</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Novo nome:</translation>
    </message>
    <message>
        <source>Delete list</source>
        <translation>Excluir lista</translation>
    </message>
    <message>
        <source>Delete the list “{name}”? This can&apos;t be undone.</source>
        <translation>Excluir a lista “{name}”? Isso não pode ser desfeito.</translation>
    </message>
    <message>
        <source>Un&amp;pin from Home</source>
        <translation>Desa&amp;fixar do Início</translation>
    </message>
    <message>
        <source>&amp;Pin to Home</source>
        <translation>&amp;Fixar no Início</translation>
    </message>
    <message>
        <source>Remove from &amp;saved</source>
        <translation>Remover dos &amp;salvos</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <comment>keep a feed in the saved feeds</comment>
        <translation>&amp;Salvar</translation>
    </message>
    <message>
        <source>♥ &amp;Liked</source>
        <translation>♥ &amp;Curtido</translation>
    </message>
    <message>
        <source>♡ &amp;Like</source>
        <comment>like a feed</comment>
        <translation>♡ &amp;Curtir</translation>
    </message>
    <message>
        <source>Un&amp;mute list</source>
        <translation>Dessi&amp;lenciar lista</translation>
    </message>
    <message>
        <source>&amp;Mute list</source>
        <translation>&amp;Silenciar lista</translation>
    </message>
    <message>
        <source>Un&amp;block list</source>
        <translation>&amp;Desbloquear lista</translation>
    </message>
    <message>
        <source>&amp;Block list</source>
        <translation>&amp;Bloquear lista</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>Re&amp;nomear…</translation>
    </message>
    <message>
        <source>&amp;Delete list</source>
        <translation>&amp;Excluir lista</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Feed</translation>
    </message>
    <message>
        <source>Feed posts</source>
        <translation>Posts do feed</translation>
    </message>
    <message>
        <source>Loading the feed…</source>
        <translation>Carregando o feed…</translation>
    </message>
    <message>
        <source>This feed has no posts yet.</source>
        <translation>Este feed ainda não tem posts.</translation>
    </message>
    <message>
        <source>Following</source>
        <comment>Home tab: posts of the accounts followed</comment>
        <translation>Seguindo</translation>
    </message>
    <message>
        <source>Home timeline</source>
        <translation>Linha do tempo inicial</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Início</translation>
    </message>
    <message>
        <source>Loading your timeline…</source>
        <translation>Carregando sua linha do tempo…</translation>
    </message>
    <message>
        <source>Your timeline is empty.
Follow people to see their posts here.</source>
        <translation>Sua linha do tempo está vazia.
Siga pessoas para ver os posts delas aqui.</translation>
    </message>
    <message>
        <source>Home feeds</source>
        <translation>Feeds do Início</translation>
    </message>
    <message>
        <source>{name} feed</source>
        <translation>Feed {name}</translation>
    </message>
    <message>
        <source>Loading {name}…</source>
        <translation>Carregando {name}…</translation>
    </message>
    <message>
        <source>Feed tab actions</source>
        <translation>Ações da aba do feed</translation>
    </message>
    <message>
        <source>Move left</source>
        <translation>Mover para a esquerda</translation>
    </message>
    <message>
        <source>Move right</source>
        <translation>Mover para a direita</translation>
    </message>
    <message>
        <source>About this feed</source>
        <translation>Sobre este feed</translation>
    </message>
    <message>
        <source>Unpin from Home</source>
        <translation>Desafixar do Início</translation>
    </message>
    <message>
        <source>Posts</source>
        <comment>profile tab: the account&apos;s posts</comment>
        <translation>Posts</translation>
    </message>
    <message>
        <source>Replies</source>
        <comment>profile tab: the account&apos;s posts and replies</comment>
        <translation>Respostas</translation>
    </message>
    <message>
        <source>Media</source>
        <comment>profile tab: the account&apos;s posts with images or video</comment>
        <translation>Mídia</translation>
    </message>
    <message>
        <source>Feeds</source>
        <comment>tab: custom feeds</comment>
        <translation>Feeds</translation>
    </message>
    <message>
        <source>Lists</source>
        <comment>profile tab: the account&apos;s lists</comment>
        <translation>Listas</translation>
    </message>
    <message>
        <source>Likes</source>
        <comment>profile tab: the posts the account liked</comment>
        <translation>Curtidas</translation>
    </message>
    <message>
        <source>Latest</source>
        <comment>search tab: newest posts first</comment>
        <translation>Recentes</translation>
    </message>
    <message>
        <source>Top</source>
        <comment>search tab: most popular posts first</comment>
        <translation>Principais</translation>
    </message>
    <message>
        <source>People</source>
        <comment>search tab: accounts</comment>
        <translation>Pessoas</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notificações</translation>
    </message>
    <message>
        <source>Loading your notifications…</source>
        <translation>Carregando suas notificações…</translation>
    </message>
    <message>
        <source>No notifications yet.</source>
        <translation>Nenhuma notificação ainda.</translation>
    </message>
    <message>
        <source>Follows you</source>
        <translation>Segue você</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Seguir</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Mais ações</translation>
    </message>
    <message>
        <source>Mute</source>
        <comment>mute an account</comment>
        <translation>Silenciar</translation>
    </message>
    <message>
        <source>Block</source>
        <comment>block an account</comment>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>Add to list</source>
        <translation>Adicionar à lista</translation>
    </message>
    <message numerus="yes">
        <source>%n followers</source>
        <translation>
            <numerusform>%n seguidor</numerusform>
            <numerusform>%n seguidores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n following</source>
        <translation>
            <numerusform>%n seguindo</numerusform>
            <numerusform>%n seguindo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n posts</source>
        <translation>
            <numerusform>%n post</numerusform>
            <numerusform>%n posts</numerusform>
        </translation>
    </message>
    <message>
        <source>Following</source>
        <comment>the account is followed: the Follow button</comment>
        <translation>Seguindo</translation>
    </message>
    <message>
        <source>Unmute</source>
        <comment>unmute an account</comment>
        <translation>Dessilenciar</translation>
    </message>
    <message>
        <source>Unblock</source>
        <comment>unblock an account</comment>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Loading your lists…</source>
        <translation>Carregando suas listas…</translation>
    </message>
    <message>
        <source>{name} (moderation)</source>
        <translation>{name} (moderação)</translation>
    </message>
    <message>
        <source>New list…</source>
        <translation>Nova lista…</translation>
    </message>
    <message>
        <source>New list</source>
        <translation>Nova lista</translation>
    </message>
    <message>
        <source>Name of the new list:</source>
        <translation>Nome da nova lista:</translation>
    </message>
    <message>
        <source>Profile posts</source>
        <translation>Posts do perfil</translation>
    </message>
    <message>
        <source>No posts here yet.</source>
        <translation>Nenhum post aqui ainda.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <source>Search posts, people and feeds</source>
        <translation>Buscar posts, pessoas e feeds</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados da busca</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>Type a word, a #tag or a name, then press Enter.</source>
        <translation>Digite uma palavra, uma #tag ou um nome e pressione Enter.</translation>
    </message>
    <message>
        <source>Nothing found for “{query}”.</source>
        <translation>Nada encontrado para “{query}”.</translation>
    </message>
    <message>
        <source>Thread</source>
        <translation>Thread</translation>
    </message>
    <message>
        <source>Loading the thread…</source>
        <translation>Carregando a thread…</translation>
    </message>
    <message>
        <source>This thread could not be shown.</source>
        <translation>Não foi possível mostrar esta thread.</translation>
    </message>
    <message>
        <source>Desktop App</source>
        <comment>the app&apos;s name</comment>
        <translation>Desktop App</translation>
    </message>
    <message>
        <source>Registered to receive sign-in links ({scheme}:) in {where}</source>
        <translation>Registrado para receber links de login ({scheme}:) em {where}</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Listas de posts</translation>
    </message>
    <message>
        <source>Next / previous post</source>
        <translation>Post seguinte / anterior</translation>
    </message>
    <message>
        <source>All the post&apos;s actions</source>
        <translation>Todas as ações do post</translation>
    </message>
    <message>
        <source>Check for new posts</source>
        <translation>Verificar novos posts</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Lugares</translation>
    </message>
    <message>
        <source>Home</source>
        <comment>place</comment>
        <translation>Início</translation>
    </message>
    <message>
        <source>Notifications</source>
        <comment>place</comment>
        <translation>Notificações</translation>
    </message>
    <message>
        <source>Search</source>
        <comment>place</comment>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <comment>place</comment>
        <translation>Itens salvos</translation>
    </message>
    <message>
        <source>Your profile</source>
        <translation>Seu perfil</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Avançar</translation>
    </message>
    <message>
        <source>Home&apos;s feeds</source>
        <translation>Feeds do Início</translation>
    </message>
    <message>
        <source>Next / previous feed</source>
        <translation>Feed seguinte / anterior</translation>
    </message>
    <message>
        <source>Move the feed right / left</source>
        <translation>Mover o feed para a direita / esquerda</translation>
    </message>
    <message>
        <source>The feed&apos;s page</source>
        <translation>Página do feed</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>Escrita</translation>
    </message>
    <message>
        <source>Write a post</source>
        <translation>Escrever um post</translation>
    </message>
    <message>
        <source>Post it</source>
        <translation>Postar</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Leitura</translation>
    </message>
    <message>
        <source>Larger / smaller text</source>
        <translation>Texto maior / menor</translation>
    </message>
    <message>
        <source>The system&apos;s size</source>
        <translation>Tamanho do sistema</translation>
    </message>
    <message>
        <source>This list</source>
        <translation>Esta lista</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Sair</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atalhos de teclado</translation>
    </message>
    <message>
        <source>Key</source>
        <comment>on the keyboard</comment>
        <translation>Tecla</translation>
    </message>
    <message>
        <source>Does</source>
        <comment>what a key does</comment>
        <translation>Ação</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>&amp;Contas</translation>
    </message>
    <message>
        <source>&amp;Add account…</source>
        <translation>&amp;Adicionar conta…</translation>
    </message>
    <message>
        <source>&amp;Home timeline</source>
        <translation>&amp;Linha do tempo inicial</translation>
    </message>
    <message>
        <source>Show &amp;accounts</source>
        <translation>&amp;Mostrar contas</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <source>&amp;Home</source>
        <comment>place</comment>
        <translation>&amp;Início</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <comment>place</comment>
        <translation>&amp;Notificações</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <comment>place</comment>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>&amp;Bookmarks</source>
        <comment>place</comment>
        <translation>Itens &amp;salvos</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <comment>place</comment>
        <translation>&amp;Perfil</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <comment>place</comment>
        <translation>&amp;Contas</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <source>Text size {percent}%</source>
        <translation>Tamanho do texto {percent}%</translation>
    </message>
    <message>
        <source>Home · @{handle}</source>
        <translation>Início · @{handle}</translation>
    </message>
    <message>
        <source>Profile</source>
        <comment>place</comment>
        <translation>Perfil</translation>
    </message>
    <message numerus="yes">
        <source>%n unread notifications</source>
        <translation>
            <numerusform>%n notificação não lida</numerusform>
            <numerusform>%n notificações não lidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Notifications, %n unread</source>
        <translation>
            <numerusform>Notificações, %n não lida</numerusform>
            <numerusform>Notificações, %n não lidas</numerusform>
        </translation>
    </message>
    <message>
        <source>current place</source>
        <translation>local atual</translation>
    </message>
    <message>
        <source>Not sent. It&apos;s back in your drafts.</source>
        <translation>Não enviado. Voltou para seus rascunhos.</translation>
    </message>
    <message>
        <source>Not sent.</source>
        <translation>Não enviado.</translation>
    </message>
    <message>
        <source>{name} replied to you</source>
        <translation>{name} respondeu a você</translation>
    </message>
    <message numerus="yes">
        <source>{name} replied to you, and %n more</source>
        <translation>
            <numerusform>{name} respondeu a você, e mais %n</numerusform>
            <numerusform>{name} respondeu a você, e mais %n</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} mentioned you</source>
        <translation>{name} mencionou você</translation>
    </message>
    <message numerus="yes">
        <source>{name} mentioned you, and %n more</source>
        <translation>
            <numerusform>{name} mencionou você, e mais %n</numerusform>
            <numerusform>{name} mencionou você, e mais %n</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} quoted your post</source>
        <translation>{name} citou seu post</translation>
    </message>
    <message numerus="yes">
        <source>{name} quoted your post, and %n more</source>
        <translation>
            <numerusform>{name} citou seu post, e mais %n</numerusform>
            <numerusform>{name} citou seu post, e mais %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name} notified you, and %n more</source>
        <translation>
            <numerusform>{name} enviou uma notificação, e mais %n</numerusform>
            <numerusform>{name} enviou uma notificação, e mais %n</numerusform>
        </translation>
    </message>
    <message>
        <source>post</source>
        <comment>a permission: post as you</comment>
        <translation>postar</translation>
    </message>
    <message>
        <source>like</source>
        <comment>a permission: like as you</comment>
        <translation>curtir</translation>
    </message>
    <message>
        <source>repost</source>
        <comment>a permission: repost as you</comment>
        <translation>repostar</translation>
    </message>
    <message>
        <source>follow</source>
        <comment>a permission: follow as you</comment>
        <translation>seguir</translation>
    </message>
    <message>
        <source>mute</source>
        <comment>a permission: mute as you</comment>
        <translation>silenciar</translation>
    </message>
    <message>
        <source>block</source>
        <comment>a permission: block as you</comment>
        <translation>bloquear</translation>
    </message>
    <message>
        <source>your timeline</source>
        <comment>a permission: read your timeline</comment>
        <translation>sua linha do tempo</translation>
    </message>
    <message>
        <source>notifications</source>
        <comment>a permission: read your notifications</comment>
        <translation>notificações</translation>
    </message>
    <message>
        <source>upload images</source>
        <comment>a permission</comment>
        <translation>enviar imagens</translation>
    </message>
    <message>
        <source>keep your drafts on your account</source>
        <comment>a permission</comment>
        <translation>guardar seus rascunhos na sua conta</translation>
    </message>
    <message>
        <source>pin and save custom feeds</source>
        <comment>a permission</comment>
        <translation>fixar e salvar feeds personalizados</translation>
    </message>
    <message>
        <source>make lists and subscribe to moderation lists</source>
        <comment>a permission</comment>
        <translation>criar listas e assinar listas de moderação</translation>
    </message>
    <message>
        <source>bookmark posts</source>
        <comment>a permission</comment>
        <translation>salvar posts</translation>
    </message>
    <message>
        <source>{items} and {last}</source>
        <comment>the end of a list of things</comment>
        <translation>{items} e {last}</translation>
    </message>
    <message>
        <source>{actions} as you</source>
        <comment>what the app may do as the account</comment>
        <translation>{actions} como você</translation>
    </message>
    <message>
        <source>read {things}</source>
        <comment>what the app may read</comment>
        <translation>ler {things}</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between the parts of a sentence</comment>
        <translation>; </translation>
    </message>
    <message>
        <source>Nothing beyond knowing who you are</source>
        <translation>Nada além de saber quem você é</translation>
    </message>
    <message>
        <source>Full access, and more than this app uses was granted</source>
        <translation>Acesso total, e foi concedido mais do que este app usa</translation>
    </message>
    <message>
        <source>Full access: this server does not offer limited permissions</source>
        <translation>Acesso total: este servidor não oferece permissões limitadas</translation>
    </message>
    <message>
        <source>More than this app uses was granted</source>
        <translation>Foi concedido mais do que este app usa</translation>
    </message>
    <message>
        <source>Only what this app uses</source>
        <translation>Só o que este app usa</translation>
    </message>
    <message>
        <source>Posting wasn&apos;t allowed when you signed in.</source>
        <translation>Postar não foi permitido quando você entrou.</translation>
    </message>
    <message>
        <source>Liking wasn&apos;t allowed when you signed in.</source>
        <translation>Curtir não foi permitido quando você entrou.</translation>
    </message>
    <message>
        <source>Reposting wasn&apos;t allowed when you signed in.</source>
        <translation>Repostar não foi permitido quando você entrou.</translation>
    </message>
    <message>
        <source>Following wasn&apos;t allowed when you signed in.</source>
        <translation>Seguir não foi permitido quando você entrou.</translation>
    </message>
    <message>
        <source>Muting and blocking wasn&apos;t allowed when you signed in.</source>
        <translation>Silenciar e bloquear não foi permitido quando você entrou.</translation>
    </message>
    <message>
        <source>Reading your timeline wasn&apos;t allowed when you signed in.</source>
        <translation>Ler sua linha do tempo não foi permitido quando você entrou.</translation>
    </message>
    <message>
        <source>Reading your notifications wasn&apos;t allowed when you signed in.</source>
        <translation>Ler suas notificações não foi permitido quando você entrou.</translation>
    </message>
    <message>
        <source>Uploading images wasn&apos;t allowed when you signed in.</source>
        <translation>Enviar imagens não foi permitido quando você entrou.</translation>
    </message>
    <message>
        <source>Keeping drafts on your account wasn&apos;t allowed when you signed in.</source>
        <translation>Guardar rascunhos na sua conta não foi permitido quando você entrou.</translation>
    </message>
    <message>
        <source>Using custom feeds wasn&apos;t allowed when you signed in.</source>
        <translation>Usar feeds personalizados não foi permitido quando você entrou.</translation>
    </message>
    <message>
        <source>Using lists wasn&apos;t allowed when you signed in.</source>
        <translation>Usar listas não foi permitido quando você entrou.</translation>
    </message>
    <message>
        <source>Bookmarking wasn&apos;t allowed when you signed in.</source>
        <translation>Salvar posts não foi permitido quando você entrou.</translation>
    </message>
    <message>
        <source>{date}, {time}</source>
        <comment>a date then a time of day: Dec 4, 14:05</comment>
        <translation>{date} às {time}</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 dia</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n dia</numerusform>
            <numerusform>%n dias</numerusform>
        </translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 hora</translation>
    </message>
    <message numerus="yes">
        <source>%n hours</source>
        <translation>
            <numerusform>%n hora</numerusform>
            <numerusform>%n horas</numerusform>
        </translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 minuto</translation>
    </message>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n minuto</numerusform>
            <numerusform>%n minutos</numerusform>
        </translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation>menos de um minuto</translation>
    </message>
    <message>
        <source>{larger} {smaller}</source>
        <comment>a duration in two units: 13 days 4 hours</comment>
        <translation>{larger} e {smaller}</translation>
    </message>
    <message>
        <source>Session ends in {duration}</source>
        <translation>A sessão termina em {duration}</translation>
    </message>
    <message>
        <source>Session has ended</source>
        <translation>A sessão terminou</translation>
    </message>
    <message>
        <source>it reached the maximum length your provider allows</source>
        <translation>ela chegou à duração máxima que seu provedor permite</translation>
    </message>
    <message>
        <source>the app wasn&apos;t used for too long</source>
        <translation>o app ficou muito tempo sem ser usado</translation>
    </message>
    <message>
        <source>it was revoked (signed out elsewhere or by your provider)</source>
        <translation>ela foi revogada (saída em outro lugar ou pelo seu provedor)</translation>
    </message>
    <message>
        <source>an old sign-in token was reused, so it was ended for safety</source>
        <translation>um token de entrada antigo foi reutilizado, então ela foi encerrada por segurança</translation>
    </message>
    <message>
        <source>your account moved to another provider</source>
        <translation>sua conta mudou para outro provedor</translation>
    </message>
    <message>
        <source>the connection dropped while your sign-in was being renewed, so Bluesky ended it for safety</source>
        <translation>a conexão caiu enquanto sua entrada era renovada, então o Bluesky a encerrou por segurança</translation>
    </message>
    <message>
        <source>your provider&apos;s answer to a renewal could not be trusted, so it was ended for safety</source>
        <translation>a resposta do seu provedor a uma renovação não era confiável, então ela foi encerrada por segurança</translation>
    </message>
    <message>
        <source>your provider ended it</source>
        <translation>seu provedor a encerrou</translation>
    </message>
    <message>
        <source>the session reached its end</source>
        <translation>a sessão chegou ao fim</translation>
    </message>
    <message>
        <source>the session ended because {reason}</source>
        <translation>a sessão terminou porque {reason}</translation>
    </message>
    <message>
        <source>can&apos;t reach your provider; trying again in {duration}</source>
        <translation>não foi possível falar com seu provedor; nova tentativa em {duration}</translation>
    </message>
    <message>
        <source>can&apos;t reach your provider; trying again shortly</source>
        <translation>não foi possível falar com seu provedor; nova tentativa em breve</translation>
    </message>
    <message>
        <source>renew now to stay signed in</source>
        <translation>renove agora para continuar conectado</translation>
    </message>
    <message>
        <source>Apps like this one are public clients: your provider limits how long they stay signed in before you confirm again in your browser, and ends the session early if the app isn&apos;t used for a while.</source>
        <translation>Apps como este são clientes públicos: seu provedor limita por quanto tempo eles ficam conectados antes de você confirmar de novo no navegador, e encerra a sessão antes se o app ficar um tempo sem uso.</translation>
    </message>
    <message>
        <source>Your keychain is locked, so the renewed sign-in is kept only while the app runs: unlock it to stay signed in after you quit.</source>
        <translation>Seu chaveiro está bloqueado, então a entrada renovada só é mantida enquanto o app estiver aberto: desbloqueie-o para continuar conectado depois de sair.</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Algo deu errado.</translation>
    </message>
    <message>
        <source>That account is not signed in here. Run `desktop-app accounts` to list them.</source>
        <translation>Essa conta não está conectada aqui. Execute `desktop-app accounts` para ver a lista.</translation>
    </message>
    <message>
        <source>No account is signed in. Sign in with `desktop-app login HANDLE`.</source>
        <translation>Nenhuma conta está conectada. Entre com `desktop-app login HANDLE`.</translation>
    </message>
    <message>
        <source>The session-lifetime settings are invalid.</source>
        <translation>As configurações de duração da sessão são inválidas.</translation>
    </message>
    <message>
        <source>That file is not an image.</source>
        <translation>Esse arquivo não é uma imagem.</translation>
    </message>
    <message>
        <source>That file could not be opened.</source>
        <translation>Não foi possível abrir esse arquivo.</translation>
    </message>
    <message>
        <source>Nothing from earlier is kept on this device.</source>
        <translation>Nenhum conteúdo anterior está guardado neste dispositivo.</translation>
    </message>
    <message>
        <source>Something else was already saved under this post&apos;s key, so it was not sent. Write it again.</source>
        <translation>Já havia outra coisa salva com a chave deste post, então ele não foi enviado. Escreva-o de novo.</translation>
    </message>
    <message>
        <source>That was already sent or cancelled.</source>
        <translation>Isso já foi enviado ou cancelado.</translation>
    </message>
    <message>
        <source>That post can&apos;t be linked to.</source>
        <translation>Não é possível fazer referência a esse post.</translation>
    </message>
    <message>
        <source>A newer sign-in for this account replaced this one.</source>
        <translation>Um login mais recente desta conta substituiu este.</translation>
    </message>
    <message>
        <source>Enter your handle here, or use “Use a different provider” for an address.</source>
        <translation>Digite seu identificador aqui ou use “Usar outro provedor” para informar um endereço.</translation>
    </message>
    <message>
        <source>Enter the provider&apos;s address (https://…).</source>
        <translation>Digite o endereço do provedor (https://…).</translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation>Rascunho salvo.</translation>
    </message>
    <message>
        <source>There is nothing to save yet.</source>
        <translation>Ainda não há nada para salvar.</translation>
    </message>
    <message>
        <source>The draft could not be saved: {reason}</source>
        <translation>Não foi possível salvar o rascunho: {reason}</translation>
    </message>
    <message>
        <source>The drafts could not be read: {reason}</source>
        <translation>Não foi possível ler os rascunhos: {reason}</translation>
    </message>
    <message>
        <source>That draft could not be opened: {reason}</source>
        <translation>Não foi possível abrir esse rascunho: {reason}</translation>
    </message>
    <message>
        <source>That draft could not be deleted: {reason}</source>
        <translation>Não foi possível excluir esse rascunho: {reason}</translation>
    </message>
    <message>
        <source>Draft deleted.</source>
        <translation>Rascunho excluído.</translation>
    </message>
    <message>
        <source>the disk refused it.</source>
        <translation>o disco recusou a gravação.</translation>
    </message>
    <message>
        <source>Deleted the list {list}.</source>
        <translation>Lista {list} excluída.</translation>
    </message>
    <message>
        <source>Posted.</source>
        <translation>Postado.</translation>
    </message>
    <message>
        <source>This post hasn&apos;t been sent yet: it waits in the outbox.</source>
        <translation>Este post ainda não foi enviado: ele aguarda na caixa de saída.</translation>
    </message>
    <message>
        <source>Offline — showing posts from {when}</source>
        <translation>Offline — mostrando posts de {when}</translation>
    </message>
    <message>
        <source>{reason} Showing posts from {when}.</source>
        <translation>{reason} Mostrando posts de {when}.</translation>
    </message>
    <message>
        <source>Not sent yet: it waits in the outbox and goes as soon as it can.</source>
        <translation>Ainda não enviado: aguarda na caixa de saída e será enviado assim que possível.</translation>
    </message>
    <message>
        <source>Added {who} to {list}.</source>
        <translation>Você adicionou {who} a {list}.</translation>
    </message>
    <message>
        <source>Removed {who} from {list}.</source>
        <translation>Você removeu {who} de {list}.</translation>
    </message>
    <message>
        <source>Made the list {list} with {who} on it.</source>
        <translation>Você criou a lista {list} com {who}.</translation>
    </message>
    <message>
        <source>Replied.</source>
        <translation>Resposta enviada.</translation>
    </message>
    <message>
        <source>Something went wrong while talking to your Bluesky provider.</source>
        <translation>Algo deu errado na comunicação com seu provedor do Bluesky.</translation>
    </message>
    <message>
        <source>Your handle or account could not be looked up.</source>
        <translation>Não foi possível consultar seu identificador ou sua conta.</translation>
    </message>
    <message>
        <source>That is not a valid handle, DID or server address.</source>
        <translation>Isso não é um identificador, DID ou endereço de servidor válido.</translation>
    </message>
    <message>
        <source>No account was found for that handle. Check the spelling and try again.</source>
        <translation>Nenhuma conta foi encontrada com esse identificador. Confira a grafia e tente de novo.</translation>
    </message>
    <message>
        <source>The account&apos;s identity document could not be loaded.</source>
        <translation>Não foi possível carregar o documento de identidade da conta.</translation>
    </message>
    <message>
        <source>The account does not confirm that handle, so it cannot be trusted. Check the handle or sign in with your DID.</source>
        <translation>A conta não confirma esse identificador, então ele não é confiável. Confira o identificador ou entre com seu DID.</translation>
    </message>
    <message>
        <source>The account does not name a Bluesky data server (PDS).</source>
        <translation>A conta não indica um servidor de dados do Bluesky (PDS).</translation>
    </message>
    <message>
        <source>Your provider could not be reached. Check your connection and try again.</source>
        <translation>Não foi possível acessar seu provedor. Verifique sua conexão e tente de novo.</translation>
    </message>
    <message>
        <source>The provider uses an insecure (non-HTTPS) address, which is not allowed.</source>
        <translation>O provedor usa um endereço inseguro (sem HTTPS), o que não é permitido.</translation>
    </message>
    <message>
        <source>Your provider&apos;s address is not a valid web address.</source>
        <translation>O endereço do seu provedor não é um endereço web válido.</translation>
    </message>
    <message>
        <source>The provider&apos;s address is a private or local one, which this app does not contact outside development.</source>
        <translation>O endereço do provedor é privado ou local, e este app não o contata fora do ambiente de desenvolvimento.</translation>
    </message>
    <message>
        <source>The provider sent an unexpectedly large response.</source>
        <translation>O provedor enviou uma resposta inesperadamente grande.</translation>
    </message>
    <message>
        <source>Bluesky sent a reply this app could not understand.</source>
        <translation>O Bluesky enviou uma resposta que este app não conseguiu entender.</translation>
    </message>
    <message>
        <source>Enter a handle or DID here, not a server address.</source>
        <translation>Digite aqui um identificador ou DID, não um endereço de servidor.</translation>
    </message>
    <message>
        <source>That handle&apos;s records point to different accounts, so it cannot be trusted. Its owner needs to fix its DNS or web settings.</source>
        <translation>Os registros desse identificador apontam para contas diferentes, então ele não é confiável. O dono precisa corrigir as configurações de DNS ou web.</translation>
    </message>
    <message>
        <source>That account was not found; it may have been deleted or deactivated.</source>
        <translation>Essa conta não foi encontrada; ela pode ter sido excluída ou desativada.</translation>
    </message>
    <message>
        <source>Your provider&apos;s sign-in configuration is invalid or unsupported.</source>
        <translation>A configuração de login do seu provedor é inválida ou não é compatível.</translation>
    </message>
    <message>
        <source>The app&apos;s sign-in configuration is invalid.</source>
        <translation>A configuração de login do app é inválida.</translation>
    </message>
    <message>
        <source>Sign-in could not be started with your provider.</source>
        <translation>Não foi possível iniciar o login com seu provedor.</translation>
    </message>
    <message>
        <source>Your provider does not allow renewing this session without a prompt.</source>
        <translation>Seu provedor não permite renovar esta sessão sem pedir confirmação.</translation>
    </message>
    <message>
        <source>You denied access, so you were not signed in.</source>
        <translation>Você negou o acesso, então o login não foi feito.</translation>
    </message>
    <message>
        <source>Your provider needs you to sign in again.</source>
        <translation>Seu provedor pede que você entre de novo.</translation>
    </message>
    <message>
        <source>Your provider needs you to approve this app again.</source>
        <translation>Seu provedor pede que você aprove este app de novo.</translation>
    </message>
    <message>
        <source>Your provider needs you to confirm in the browser.</source>
        <translation>Seu provedor pede que você confirme no navegador.</translation>
    </message>
    <message>
        <source>Your provider is busy right now. Try again in a moment.</source>
        <translation>Seu provedor está ocupado agora. Tente de novo em instantes.</translation>
    </message>
    <message>
        <source>Your provider reported an error during sign-in.</source>
        <translation>Seu provedor informou um erro durante o login.</translation>
    </message>
    <message>
        <source>The sign-in answer from your browser was not valid. Please try again.</source>
        <translation>A resposta de login vinda do navegador não era válida. Tente de novo.</translation>
    </message>
    <message>
        <source>This sign-in link has expired or was already used. Start signing in again.</source>
        <translation>Este link de login expirou ou já foi usado. Comece o login de novo.</translation>
    </message>
    <message>
        <source>The sign-in answer came from the wrong provider and was rejected.</source>
        <translation>A resposta de login veio do provedor errado e foi rejeitada.</translation>
    </message>
    <message>
        <source>The sign-in took too long. Start signing in again.</source>
        <translation>O login demorou demais. Comece o login de novo.</translation>
    </message>
    <message>
        <source>Your provider&apos;s answer to the sign-in could not be accepted.</source>
        <translation>Não foi possível aceitar a resposta do seu provedor ao login.</translation>
    </message>
    <message>
        <source>Your provider answered in a way this app can&apos;t trust. Try again later.</source>
        <translation>Seu provedor respondeu de um jeito em que este app não pode confiar. Tente de novo mais tarde.</translation>
    </message>
    <message>
        <source>Your session reached its maximum length. Please sign in again.</source>
        <translation>Sua sessão atingiu a duração máxima. Entre de novo.</translation>
    </message>
    <message>
        <source>Your session ended because it was not used for too long. Please sign in again.</source>
        <translation>Sua sessão terminou porque ficou muito tempo sem uso. Entre de novo.</translation>
    </message>
    <message>
        <source>Your session was ended for safety because an old sign-in token was reused. Please sign in again.</source>
        <translation>Sua sessão foi encerrada por segurança porque um token de entrada antigo foi reutilizado. Entre de novo.</translation>
    </message>
    <message>
        <source>Your session was revoked. Please sign in again.</source>
        <translation>Sua sessão foi revogada. Entre de novo.</translation>
    </message>
    <message>
        <source>Your account moved to another provider. Please sign in again.</source>
        <translation>Sua conta mudou para outro provedor. Entre de novo.</translation>
    </message>
    <message>
        <source>The connection dropped while your sign-in was being renewed, so Bluesky ended it for safety. Please sign in again.</source>
        <translation>A conexão caiu enquanto sua entrada era renovada, então o Bluesky a encerrou por segurança. Entre de novo.</translation>
    </message>
    <message>
        <source>Your provider&apos;s answer to a renewal could not be trusted, so the app ended the session for safety. Please sign in again.</source>
        <translation>A resposta do seu provedor a uma renovação não era confiável, então o app encerrou a sessão por segurança. Entre de novo.</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Sua sessão terminou. Entre de novo.</translation>
    </message>
    <message>
        <source>Your session could not be renewed right now; the app will try again.</source>
        <translation>Não foi possível renovar sua sessão agora; o app vai tentar de novo.</translation>
    </message>
    <message>
        <source>You are not signed in with that account.</source>
        <translation>Você não está conectado com essa conta.</translation>
    </message>
    <message>
        <source>The secure request signature was rejected by your provider.</source>
        <translation>Seu provedor rejeitou a assinatura segura da solicitação.</translation>
    </message>
    <message>
        <source>Your sign-in could not be saved securely.</source>
        <translation>Não foi possível salvar seu login com segurança.</translation>
    </message>
    <message>
        <source>Handles ending in .{tld} cannot be used to sign in.</source>
        <translation>Identificadores terminados em .{tld} não podem ser usados para entrar.</translation>
    </message>
    <message>
        <source>That is not a valid handle. A handle looks like a domain name, for example alice.bsky.social.</source>
        <translation>Isso não é um identificador válido. Um identificador tem o formato de um nome de domínio, por exemplo alice.bsky.social.</translation>
    </message>
    <message>
        <source>That did:plc identifier is malformed: it needs 24 letters and digits.</source>
        <translation>Esse did:plc está malformado: ele precisa ter 24 letras e dígitos.</translation>
    </message>
    <message>
        <source>That did:web names a local or reserved domain (like .local, .arpa or .onion), which atproto accounts may not use.</source>
        <translation>Esse did:web indica um domínio local ou reservado (como .local, .arpa ou .onion), que contas atproto não podem usar.</translation>
    </message>
    <message>
        <source>That did:web identifier is not supported: it must name just a public host name, without a path or port.</source>
        <translation>Esse did:web não é compatível: ele deve indicar apenas um nome de host público, sem caminho nem porta.</translation>
    </message>
    <message>
        <source>Only did:plc and did:web accounts are supported.</source>
        <translation>Só contas did:plc e did:web são compatíveis.</translation>
    </message>
    <message>
        <source>That is not a valid DID. A DID looks like did:plc:… or did:web:….</source>
        <translation>Isso não é um DID válido. Um DID tem o formato did:plc:… ou did:web:….</translation>
    </message>
    <message>
        <source>That is not a valid server address. It should start with https://.</source>
        <translation>Isso não é um endereço de servidor válido. Ele deve começar com https://.</translation>
    </message>
    <message>
        <source>The server address must not contain a user name or password.</source>
        <translation>O endereço do servidor não pode conter nome de usuário nem senha.</translation>
    </message>
    <message>
        <source>Enter your handle, for example alice.bsky.social.</source>
        <translation>Digite seu identificador, por exemplo alice.bsky.social.</translation>
    </message>
    <message>
        <source>A list needs a name of up to 64 characters.</source>
        <translation>Uma lista precisa de um nome com até 64 caracteres.</translation>
    </message>
    <message>
        <source>That is not a link to a post (at://… or https://bsky.app/profile/…/post/…).</source>
        <translation>Isso não é um link para um post (at://… ou https://bsky.app/profile/…/post/…).</translation>
    </message>
    <message>
        <source>No account has the handle {handle}.</source>
        <translation>Nenhuma conta tem o identificador {handle}.</translation>
    </message>
    <message>
        <source>That is not the address of a custom feed.</source>
        <translation>Isso não é o endereço de um feed personalizado.</translation>
    </message>
    <message>
        <source>That is not the address of a list.</source>
        <translation>Isso não é o endereço de uma lista.</translation>
    </message>
    <message>
        <source>That list belongs to another account.</source>
        <translation>Essa lista pertence a outra conta.</translation>
    </message>
    <message>
        <source>Write something or add an image.</source>
        <translation>Escreva algo ou adicione uma imagem.</translation>
    </message>
    <message>
        <source>That post is too long: {length} characters, the limit is {limit}.</source>
        <translation>Esse post é longo demais: {length} caracteres, e o limite é {limit}.</translation>
    </message>
    <message>
        <source>That post is too long: {size} bytes, the limit is {limit}.</source>
        <translation>Esse post é longo demais: {size} bytes, e o limite é {limit}.</translation>
    </message>
    <message>
        <source>The post&apos;s links, mentions or tags don&apos;t match its text.</source>
        <translation>Os links, menções ou tags do post não correspondem ao texto.</translation>
    </message>
    <message>
        <source>A post can have at most {count} images.</source>
        <translation>Um post pode ter no máximo {count} imagens.</translation>
    </message>
    <message>
        <source>Choose up to three valid languages.</source>
        <translation>Escolha até três idiomas válidos.</translation>
    </message>
    <message>
        <source>That record belongs to another account.</source>
        <translation>Esse registro pertence a outra conta.</translation>
    </message>
    <message>
        <source>Page size must be 1 to 100.</source>
        <translation>O tamanho da página deve ser de 1 a 100.</translation>
    </message>
    <message>
        <source>Type something to search for (up to 500 characters).</source>
        <translation>Digite algo para buscar (até 500 caracteres).</translation>
    </message>
    <message>
        <source>That is not a handle or a DID.</source>
        <translation>Isso não é um identificador nem um DID.</translation>
    </message>
    <message>
        <source>Bluesky could not do that right now. Try again in a moment.</source>
        <translation>O Bluesky não conseguiu fazer isso agora. Tente de novo em instantes.</translation>
    </message>
    <message>
        <source>Bluesky did not accept that: {description}</source>
        <translation>O Bluesky não aceitou isso: {description}</translation>
    </message>
    <message>
        <source>Bluesky did not accept that.</source>
        <translation>O Bluesky não aceitou isso.</translation>
    </message>
    <message>
        <source>That post or account no longer exists.</source>
        <translation>Esse post ou conta não existe mais.</translation>
    </message>
    <message>
        <source>Bluesky is limiting how fast this app can act. Try again in {wait}.</source>
        <translation>O Bluesky está limitando a velocidade das ações deste app. Tente de novo em {wait}.</translation>
    </message>
    <message>
        <source>The feed “{feed}” isn&apos;t working right now: its server is down or sent something unreadable. Your other feeds are fine.</source>
        <translation>O feed “{feed}” não está funcionando agora: o servidor dele está fora do ar ou enviou algo ilegível. Seus outros feeds estão normais.</translation>
    </message>
    <message>
        <source>This feed isn&apos;t working right now: its server is down or sent something unreadable. Your other feeds are fine.</source>
        <translation>Este feed não está funcionando agora: o servidor dele está fora do ar ou enviou algo ilegível. Seus outros feeds estão normais.</translation>
    </message>
    <message>
        <source>That post cannot be sent as it is.</source>
        <translation>Esse post não pode ser enviado do jeito que está.</translation>
    </message>
    <message>
        <source>That is not a feed or a list.</source>
        <translation>Isso não é um feed nem uma lista.</translation>
    </message>
    <message>
        <source>That is not the at:// address of a feed or a list.</source>
        <translation>Isso não é o endereço at:// de um feed ou de uma lista.</translation>
    </message>
    <message>
        <source>Too many saved feeds.</source>
        <translation>Há feeds salvos demais.</translation>
    </message>
    <message>
        <source>Only JPEG, PNG, GIF and WebP images can be attached.</source>
        <translation>Só é possível anexar imagens JPEG, PNG, GIF e WebP.</translation>
    </message>
    <message>
        <source>That file is not the kind of image its name says.</source>
        <translation>Esse arquivo não é o tipo de imagem que o nome indica.</translation>
    </message>
    <message>
        <source>That image is {size} MB; Bluesky accepts up to {limit} MB.</source>
        <translation>Essa imagem tem {size} MB; o Bluesky aceita até {limit} MB.</translation>
    </message>
    <message>
        <source>This app wasn&apos;t allowed to do that when you signed in.</source>
        <translation>Este app não recebeu permissão para fazer isso quando você entrou.</translation>
    </message>
    <message>
        <source>The app could not open your web browser. Use “Copy link” and open it yourself.</source>
        <translation>O app não conseguiu abrir seu navegador. Use “Copiar link” e abra o link você mesmo.</translation>
    </message>
    <message>
        <source>Your system could not do what the app asked of it.</source>
        <translation>Seu sistema não conseguiu fazer o que o app pediu.</translation>
    </message>
    <message>
        <source>No system keychain is available, so the app cannot keep you signed in safely. Install or unlock a keychain (for example GNOME Keyring or KWallet) and try again.</source>
        <translation>Nenhum chaveiro do sistema está disponível, então o app não pode manter você conectado com segurança. Instale ou desbloqueie um chaveiro (por exemplo GNOME Keyring ou KWallet) e tente de novo.</translation>
    </message>
    <message>
        <source>Your system keychain is locked, so the app cannot keep you signed in. Unlock it (or accept the unlock prompt) and try again.</source>
        <translation>O chaveiro do sistema está bloqueado, então o app não pode manter você conectado. Desbloqueie-o (ou aceite o pedido de desbloqueio) e tente de novo.</translation>
    </message>
    <message>
        <source>The app could not register itself to receive sign-in links.</source>
        <translation>O app não conseguiu se registrar para receber links de login.</translation>
    </message>
</context>
</TS>
