/**
 * What each step says: what a message carries, who can read it, and what each side
 * knows after it. Texts only; the story decides when each is said.
 */
import type { Text } from '../../core/text';
import { HOST, FORM, PASSWORD } from './messages';

const tx = (ko: string, en: string): Text => ({ ko, en });

export interface Ctx {
  https: boolean;
  version: '1.3' | '1.2';
  attacker: boolean;
}

export function startText(c: Ctx, port: number): { caption: Text; narration: Text } {
  if (!c.https) {
    return {
      caption: tx(`HTTP: 포트 80, 평문`, 'HTTP: port 80, plain text'),
      narration: tx(
        `브라우저가 http://${HOST}/login 으로 로그인 폼을 보냅니다. HTTP는 암호화가 없으므로 요청의 바이트가 그대로 TCP 세그먼트에 실립니다 (기본 포트 80).${c.attacker ? ' 가운데의 도청자(같은 Wi-Fi, 경로 위의 라우터)는 지나가는 모든 프레임의 사본을 받습니다.' : ''}`,
        `The browser posts the login form to http://${HOST}/login. HTTP has no encryption, so the request's bytes go into the TCP segments as they are (default port 80).${c.attacker ? ' The eavesdropper in the middle (same Wi-Fi, a router on the path) gets a copy of every frame that passes.' : ''}`,
      ),
    };
  }
  return {
    caption: tx(`HTTPS: TLS ${c.version}, 포트 ${port}`, `HTTPS: TLS ${c.version}, port ${port}`),
    narration: tx(
      `같은 로그인을 https://${HOST}/login 으로 보냅니다. HTTPS는 HTTP를 TLS 위에 얹은 것입니다 (기본 포트 443). TLS는 먼저 공개키 암호로 서버를 인증하고(인증서 + 서명) 키를 합의하고(ECDHE), 그 뒤의 데이터는 합의한 대칭키로 암호화합니다 (AES-128-GCM).${c.version === '1.2' ? ' TLS 1.2에서는 요청을 보내기 전에 왕복이 두 번 필요합니다.' : ' TLS 1.3에서는 왕복 한 번이면 요청을 보낼 수 있습니다.'}`,
      `The same login goes to https://${HOST}/login. HTTPS is HTTP on top of TLS (default port 443). TLS first uses public-key cryptography to authenticate the server (certificate + signature) and agree on keys (ECDHE); the data after that is encrypted with the agreed symmetric keys (AES-128-GCM).${c.version === '1.2' ? ' TLS 1.2 needs two round trips before the request can go.' : ' TLS 1.3 needs one round trip before the request can go.'}`,
    ),
  };
}

/** What a record or HTTP message carries, said when it is sent. */
export function carries(label: string, c: Ctx, alpn?: string): Text {
  const v13 = c.version === '1.3';
  switch (label) {
    case 'HTTP request': return tx(`POST /login 요청과 폼 본문 "${FORM}"이 평문 그대로 나갑니다. 비밀번호 ${PASSWORD}가 바이트로 보입니다.`, `The POST /login request and its form body "${FORM}" leave in plain text: the password ${PASSWORD} is right there in the bytes.`);
    case 'HTTP response': return tx('200 OK와 세션 쿠키(Set-Cookie: sid=…)가 평문으로 돌아옵니다. 이 쿠키를 훔치면 비밀번호 없이도 로그인한 사람 행세를 할 수 있습니다.', '200 OK and the session cookie (Set-Cookie: sid=…) come back in plain text. Whoever copies the cookie can act as the logged-in user without the password.');
    case 'ClientHello': return v13
      ? tx(`ClientHello (평문): 클라이언트 난수, 지원하는 암호 스위트(TLS_AES_128_GCM_SHA256), key_share에 X25519 공개키, SNI "${HOST}", ALPN. SNI는 암호화되지 않아 누구나 어느 사이트에 가는지 볼 수 있습니다.`, `ClientHello (plain): the client random, its cipher suites (TLS_AES_128_GCM_SHA256), an X25519 public key in key_share, SNI "${HOST}", ALPN. The SNI is not encrypted: anyone on the path sees which site is being visited.`)
      : tx(`ClientHello (평문): 클라이언트 난수, 암호 스위트 ECDHE-ECDSA-AES128-GCM-SHA256, 지원 곡선(X25519), SNI "${HOST}", ALPN. 아직 키 공유는 없습니다.`, `ClientHello (plain): the client random, the suite ECDHE-ECDSA-AES128-GCM-SHA256, supported curves (X25519), SNI "${HOST}", ALPN. No key share yet.`);
    case 'ServerHello': return v13
      ? tx('ServerHello (평문): 서버 난수, 고른 스위트, key_share에 서버의 X25519 공개키. 서버는 이미 공유 비밀과 핸드셰이크 키를 계산했습니다.', "ServerHello (plain): the server random, the chosen suite, the server's X25519 public key in key_share. The server has already computed the shared secret and the handshake keys.")
      : tx('ServerHello (평문): 서버 난수, 고른 스위트, 세션 ID.', 'ServerHello (plain): the server random, the chosen suite, a session id.');
    case 'ChangeCipherSpec': return v13
      ? tx('ChangeCipherSpec: TLS 1.3에서는 의미 없는 1바이트 레코드로, 옛 중간 장비를 안심시키려고 보냅니다 (RFC 8446 부록 D.4).', 'ChangeCipherSpec: in TLS 1.3 a meaningless one-byte record, sent only to keep old middleboxes happy (RFC 8446 Appendix D.4).')
      : tx('ChangeCipherSpec: "이제부터 내 레코드는 새 키로 암호화한다"는 신호입니다.', 'ChangeCipherSpec: "from now on my records are encrypted with the new keys".');
    case 'EncryptedExtensions': return tx(`EncryptedExtensions (이미 암호화됨): 서버가 고른 ALPN${alpn ? ` "${alpn}"` : ''} 등. TLS 1.3은 ServerHello 다음부터 전부 암호화합니다.`, `EncryptedExtensions (already encrypted): the ALPN the server chose${alpn ? ` ("${alpn}")` : ''} and more. TLS 1.3 encrypts everything after the ServerHello.`);
    case 'Certificate': return v13
      ? tx('Certificate (암호화됨): 서버 인증서와 중간 CA 인증서. 루트 CA 인증서는 보내지 않습니다: 클라이언트가 이미 신뢰 저장소에 가지고 있습니다.', "Certificate (encrypted): the server's certificate and the intermediate CA's. The root is not sent: the client already holds it in its trust store.")
      : tx('Certificate (평문!): TLS 1.2에서는 인증서가 암호화되지 않아 도청자도 읽을 수 있습니다.', 'Certificate (plain!): in TLS 1.2 the certificates are not encrypted; the eavesdropper can read them too.');
    case 'CertificateVerify': return tx('CertificateVerify: 지금까지의 핸드셰이크 전체에 대한 서버의 ECDSA 서명. 인증서의 개인키를 가진 자만 만들 수 있습니다. "개인키로 암호화"라는 말은 서명을 뜻하며, 비밀을 숨기지 않습니다.', "CertificateVerify: the server's ECDSA signature over the whole handshake so far. Only the holder of the certificate's private key can make it. \"Encrypting with the private key\" means signing: it hides nothing.");
    case 'ServerKeyExchange': return tx('ServerKeyExchange (평문): 서버의 X25519 임시 공개키와, 두 난수와 그 공개키에 대한 서버의 ECDSA 서명.', "ServerKeyExchange (plain): the server's ephemeral X25519 public key, signed with ECDSA together with both randoms.");
    case 'ServerHelloDone': return tx('ServerHelloDone: 서버 차례가 끝났다는 표시. 서버는 아직 공유 비밀을 모릅니다: 클라이언트의 공개키를 받지 못했습니다.', "ServerHelloDone: the server's turn is over. The server does not know the shared secret yet: it has not seen the client's public key.");
    case 'ClientKeyExchange': return tx('ClientKeyExchange (평문): 클라이언트의 X25519 공개키. 공개키만 지나가므로 도청자는 공유 비밀을 계산할 수 없습니다.', "ClientKeyExchange (plain): the client's X25519 public key. Only public keys cross the wire, so the eavesdropper cannot compute the shared secret.");
    case 'Finished': return tx('Finished (암호화됨): 핸드셰이크 전체 기록에 대한 MAC. 양쪽이 같은 메시지를 보고 같은 키를 가졌다는 증거입니다.', 'Finished (encrypted): a MAC over the whole handshake transcript, proof that both saw the same messages and hold the same keys.');
    case 'Application Data': return tx('Application Data: HTTP 메시지를 대칭키(AES-128-GCM)로 암호화한 레코드. 겉에는 길이만 보입니다.', 'Application Data: the HTTP message encrypted with the symmetric key (AES-128-GCM). Only its length shows.');
    case 'Alert: close_notify': return tx('close_notify 경고 (암호화됨): "더 보낼 것이 없다". 잘린 응답을 공격자가 꾸밀 수 없도록 정상 종료를 알립니다.', 'close_notify alert (encrypted): "nothing more from me", so an attacker cannot pass off a cut-short response as complete.');
    default: return tx(`${label}: 클라이언트가 인증서를 거부하고 치명적 경고를 보낸 뒤 연결을 끊습니다. 요청은 나가지 않습니다.`, `${label}: the client refuses the certificate, sends a fatal alert and closes. The request is never sent.`);
  }
}

export const CHAIN_REASON: Record<string, Text> = {
  expired: tx('서버 인증서의 유효 기간(notAfter)이 지났습니다 → certificate_expired (45).', "the server certificate's notAfter has passed → certificate_expired (45)."),
  host_mismatch: tx(`인증서의 subjectAltName에 ${HOST}가 없습니다 (다른 호스트용 인증서) → bad_certificate (42).`, `the certificate's subjectAltName does not name ${HOST} (issued for another host) → bad_certificate (42).`),
  unknown_issuer: tx('자기 자신이 서명한 인증서입니다: 클라이언트가 신뢰하는 루트 CA로 이어지지 않습니다 → unknown_ca (48).', 'the certificate is signed by itself: it does not lead to any root CA the client trusts → unknown_ca (48).'),
};

export const tcpText = {
  syn: tx('TCP 3-way 핸드셰이크: 클라이언트가 SYN을 보냅니다 (출발지 포트는 임시 포트, ISN은 무작위).', 'TCP three-way handshake: the client sends a SYN (an ephemeral source port, a random ISN).'),
  synAck: tx('서버가 SYN-ACK으로 답합니다.', 'The server answers with a SYN-ACK.'),
  connected: tx('클라이언트 ESTABLISHED: ACK를 보내고 바로 첫 데이터를 보낼 수 있습니다.', 'Client ESTABLISHED: it sends the ACK and may send its first data right away.'),
  serverConnected: tx('서버 ESTABLISHED: 연결이 열렸습니다. 이제 TCP는 바이트를 순서대로 나를 뿐, 내용은 위 계층의 일입니다.', 'Server ESTABLISHED: the connection is open. TCP now carries bytes in order; what they mean is the upper layer\'s business.'),
  fin: tx('FIN: 이쪽은 더 보낼 데이터가 없습니다.', 'FIN: this side has no more data to send.'),
  closed: tx('연결이 닫혔습니다. 먼저 닫은 클라이언트는 TIME-WAIT에서 잠시 기다립니다.', 'The connection is closed. The client, which closed first, waits in TIME-WAIT for a while.'),
};

export function eveText(c: Ctx, what: 'request' | 'hello'): Text {
  if (!c.https) return tx(`도청자가 요청의 사본을 읽습니다: "${FORM}". 비밀번호가 평문 그대로입니다. 쿠키도 응답에서 그대로 보입니다.`, `The eavesdropper reads its copy of the request: "${FORM}". The password is in plain text; the cookie will be too, in the response.`);
  if (what === 'hello') return tx(`도청자가 ClientHello를 읽습니다: SNI "${HOST}"는 평문이라 어느 사이트에 접속하는지 알 수 있습니다 (이를 숨기는 것이 Encrypted Client Hello입니다). 공개키도 보이지만, 개인키 없이는 공유 비밀을 계산할 수 없습니다.`, `The eavesdropper reads the ClientHello: the SNI "${HOST}" is in clear, so it knows which site is visited (Encrypted Client Hello exists to hide it). It sees the public key too, but without a private key it cannot compute the shared secret.`);
  return tx('도청자가 요청 레코드의 사본을 봅니다: 17 03 03 뒤에 암호문뿐입니다. 길이 외에는 아무것도 알 수 없습니다: 비밀번호도, 경로(/login)도 보이지 않습니다.', 'The eavesdropper looks at its copy of the request record: 17 03 03 and then ciphertext. Apart from the length it learns nothing: neither the password nor even the path (/login).');
}

/** What the receiver does with a record or message when it has it all. */
export function reads(label: string, by: 'client' | 'server', c: Ctx, failed: boolean): { caption: Text; narration: Text } | null {
  const v13 = c.version === '1.3';
  const who = by === 'client' ? tx('클라이언트', 'Client') : tx('서버', 'Server');
  const say = (ko: string, en: string) => ({ caption: tx(`${who.ko} ← ${label}`, `${who.en} ← ${label}`), narration: tx(ko, en) });
  switch (label) {
    case 'ClientHello': return v13
      ? say('서버가 ClientHello를 읽고 자기 X25519 개인키와 클라이언트 공개키로 공유 비밀을 계산합니다. 그로부터 핸드셰이크 키와, 자기 Finished까지 정하면 애플리케이션 키도 곧바로 유도합니다 (RFC 8446 §7.1).', "The server reads the ClientHello and computes the shared secret from its own X25519 private key and the client's public key; from it the handshake keys, and, once its Finished is fixed, the application keys (RFC 8446 §7.1).")
      : say('서버가 ClientHello를 읽고 스위트를 고릅니다. 아직 아무 키도 없습니다.', 'The server reads the ClientHello and picks the suite. No keys yet on either side.');
    case 'ServerHello': return v13
      ? say('클라이언트가 서버 공개키로 같은 공유 비밀을 계산합니다: 표에서 두 값이 같습니다. 여기서부터 서버의 메시지는 핸드셰이크 키로 풀 수 있습니다.', "The client computes the same shared secret from the server's public key: the table shows both values equal. From here on it can decrypt the server's messages with the handshake keys.")
      : null;
    case 'Certificate': return failed
      ? say('클라이언트가 인증서 체인을 검사합니다: 실패. 표에서 ✗가 이유입니다.', 'The client checks the certificate chain: it fails. The ✗ in the table says why.')
      : say('클라이언트가 체인을 루트까지 검사합니다: 날짜, 각 발급자의 서명, 중간 CA가 CA인지, 서버 인증서가 이 호스트 이름을 담는지, 루트가 신뢰 저장소에 있는지 (RFC 5280 §6).', 'The client checks the chain up to a root: dates, every issuer\'s signature, that the intermediate is a CA, that the leaf names this host, that the root is in its trust store (RFC 5280 §6).');
    case 'CertificateVerify': return say('클라이언트가 서버 인증서의 공개키로 서명을 검증합니다: 상대가 그 인증서의 개인키를 가졌음이 증명됩니다.', "The client verifies the signature with the public key in the server's certificate: the peer holds that certificate's private key.");
    case 'ServerKeyExchange': return failed ? null : say('클라이언트가 서명을 검증하고 서버의 임시 공개키를 받아 둡니다.', "The client verifies the signature and keeps the server's ephemeral public key.");
    case 'ServerHelloDone': return failed ? null : say('클라이언트는 이제 프리마스터 비밀(X25519)을 계산하고, PRF로 master secret과 키 블록(양방향 AES 키)을 만듭니다 (RFC 5246 §8.1, §6.3).', 'The client now computes the pre-master secret (X25519) and, with the PRF, the master secret and the key block (an AES key per direction) (RFC 5246 §8.1, §6.3).');
    case 'ClientKeyExchange': return say('서버가 클라이언트 공개키로 같은 프리마스터 비밀을 계산합니다: 표에서 두 값이 같습니다. 이제야 서버도 키를 가집니다.', "The server computes the same pre-master secret from the client's public key: both values in the table are equal. Only now does the server hold keys.");
    case 'Finished': return by === 'client'
      ? say(v13 ? '클라이언트가 서버 Finished의 MAC을 확인하고 애플리케이션 트래픽 키를 유도합니다. 핸드셰이크 완료: 이제 요청을 보낼 수 있습니다.' : '클라이언트가 서버 Finished를 확인합니다. 핸드셰이크 완료: 이제 요청을 보냅니다.', v13 ? "The client checks the server Finished MAC and derives the application traffic keys. Handshake done: the request can go." : 'The client checks the server Finished. Handshake done: now the request goes.')
      : say('서버가 클라이언트 Finished를 확인합니다.', 'The server checks the client Finished.');
    case 'Application Data': return by === 'server'
      ? say('서버가 레코드를 자기 키로 복호화해 POST /login과 폼 본문을 읽습니다. 암호문을 풀 수 있는 것은 양 끝뿐입니다.', 'The server decrypts the record with its key and reads POST /login and the form body. Only the two ends can open it.')
      : say('클라이언트가 응답을 복호화합니다: 200 OK와 Secure 쿠키.', 'The client decrypts the response: 200 OK and a Secure cookie.');
    case 'HTTP request': return say('서버가 요청을 받아 비밀번호를 확인합니다.', 'The server receives the request and checks the password.');
    case 'HTTP response': return say('브라우저가 200 OK와 쿠키를 받습니다.', 'The browser gets the 200 OK and the cookie.');
    default: return null;
  }
}
