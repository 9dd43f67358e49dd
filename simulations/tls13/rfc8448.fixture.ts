/**
 * RFC 8448 §3 "Simple 1-RTT Handshake" (TLS_AES_128_GCM_SHA256, x25519): inputs,
 * intermediate secrets and records as the RFC prints them (hex, spaces removed). Test data only.
 */

/** {client} ephemeral x25519 private key (32 octets). */
export const CLIENT_PRIVATE =
  '49af42ba7f7994852d713ef2784bcbcaa7911de26adc5642cb634540e7ea5005';

/** {client} ephemeral x25519 public key (32 octets). */
export const CLIENT_PUBLIC =
  '99381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c';

/** {server} ephemeral x25519 private key (32 octets). */
export const SERVER_PRIVATE =
  'b1580eeadf6dd589b8ef4f2d5652578cc810e9980191ec8d058308cea216a21e';

/** {server} ephemeral x25519 public key (32 octets). */
export const SERVER_PUBLIC =
  'c9828876112095fe66762bdbf7c672e156d6cc253b833df1dd69b1b04e751f0f';

/** {client} ClientHello handshake message (196 octets). */
export const CLIENT_HELLO =
  '010000c00303cb34ecb1e78163ba1c38c6dacb196a6dffa21a8d9912ec18a2ef' +
  '6283024dece7000006130113031302010000910000000b000900000673657276' +
  '6572ff01000100000a00140012001d0017001800190100010101020103010400' +
  '230000003300260024001d002099381de560e4bd43d23d8e435a7dbafeb3c06e' +
  '51c13cae4d5413691e529aaf2c002b0003020304000d0020001e040305030603' +
  '020308040805080604010501060102010402050206020202002d00020101001c' +
  '00024001';

/** {server} ServerHello handshake message (90 octets). */
export const SERVER_HELLO =
  '020000560303a6af06a4121860dc5e6e60249cd34c95930c8ac5cb1434dac155' +
  '772ed3e2692800130100002e00330024001d0020c9828876112095fe66762bdb' +
  'f7c672e156d6cc253b833df1dd69b1b04e751f0f002b00020304';

/** early secret: HKDF-Extract(0, 0) (32 octets). */
export const EARLY_SECRET =
  '33ad0a1c607ec03b09e6cd9893680ce210adf300aa1f2660e1b22e10f170f92a';

/** x25519 shared secret (32 octets). */
export const SHARED_SECRET =
  '8bd4054fb55b9d63fdfbacf9f04b9f0d35e6d63f537563efd46272900f89492d';

/** handshake secret (32 octets). */
export const HANDSHAKE_SECRET =
  '1dc826e93606aa6fdc0aadc12f741b01046aa6b99f691ed221a9f0ca043fbeac';

/** Transcript-Hash(ClientHello, ServerHello) (32 octets). */
export const HELLO_HASH =
  '860c06edc07858ee8e78f0e7428c58edd6b43f2ca3e6e95f02ed063cf0e1cad8';

/** client_handshake_traffic_secret (32 octets). */
export const CLIENT_HS_TRAFFIC =
  'b3eddb126e067f35a780b3abf45e2d8f3b1a950738f52e9600746a0e27a55a21';

/** server_handshake_traffic_secret (32 octets). */
export const SERVER_HS_TRAFFIC =
  'b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38';

/** master secret (32 octets). */
export const MASTER_SECRET =
  '18df06843d13a08bf2a449844c5f8a478001bc4d4c627984d5a41da8d0402919';

/** server handshake write key (16 octets). */
export const SERVER_HS_KEY =
  '3fce516009c21727d0f2e4e86ee403bc';

/** server handshake write iv (12 octets). */
export const SERVER_HS_IV =
  '5d313eb2671276ee13000b30';

/** client handshake write key (16 octets). */
export const CLIENT_HS_KEY =
  'dbfaa693d1762c5b666af5d950258d01';

/** client handshake write iv (12 octets). */
export const CLIENT_HS_IV =
  '5bd3c71b836e0b76bb73265f';

/** server finished_key (32 octets). */
export const SERVER_FINISHED_KEY =
  '008d3b66f816ea559f96b537e885c31fc068bf492c652f01f288a1d8cdc19fc8';

/** client_application_traffic_secret_0 (32 octets). */
export const CLIENT_AP_TRAFFIC =
  '9e40646ce79a7f9dc05af8889bce6552875afa0b06df0087f792ebb7c17504a5';

/** server_application_traffic_secret_0 (32 octets). */
export const SERVER_AP_TRAFFIC =
  'a11af9f05531f856ad47116b45a950328204b4f44bfb6b3a4b4f1f3fcb631643';

/** client application write key (16 octets). */
export const CLIENT_AP_KEY =
  '17422dda596ed5d9acd890e3c63f5051';

/** client application write iv (12 octets). */
export const CLIENT_AP_IV =
  '5b78923dee08579033e523d9';

/** server application write key (16 octets). */
export const SERVER_AP_KEY =
  '9f02283b6c9c07efc26bb9f2ac92e356';

/** server application write iv (12 octets). */
export const SERVER_AP_IV =
  'cf782b88dd83549aadf1e984';

/** {server} EncryptedExtensions handshake message (40 octets). */
export const ENCRYPTED_EXTENSIONS =
  '080000240022000a00140012001d00170018001901000101010201030104001c' +
  '0002400100000000';

/** {server} Certificate handshake message (RSA certificate) (445 octets). */
export const CERTIFICATE =
  '0b0001b9000001b50001b0308201ac30820115a003020102020102300d06092a' +
  '864886f70d01010b0500300e310c300a06035504031303727361301e170d3136' +
  '303733303031323335395a170d3236303733303031323335395a300e310c300a' +
  '0603550403130372736130819f300d06092a864886f70d010101050003818d00' +
  '30818902818100b4bb498f8279303d980836399b36c6988c0c68de55e1bdb826' +
  'd3901a2461eafd2de49a91d015abbc9a95137ace6c1af19eaa6af98c7ced4312' +
  '0998e187a80ee0ccb0524b1b018c3e0b63264d449a6d38e22a5fda4308467480' +
  '30530ef0461c8ca9d9efbfae8ea6d1d03e2bd193eff0ab9a8002c47428a6d35a' +
  '8d88d79f7f1e3f0203010001a31a301830090603551d1304023000300b060355' +
  '1d0f0404030205a0300d06092a864886f70d01010b05000381810085aad2a0e5' +
  'b9276b908c65f73a7267170618a54c5f8a7b337d2df7a594365417f2eae8f8a5' +
  '8c8f8172f9319cf36b7fd6c55b80f21a03015156726096fd335e5e67f2dbf102' +
  '702e608ccae6bec1fc63a42a99be5c3eb7107c3c54e9b9eb2bd5203b1c3b84e0' +
  'a8b2f759409ba3eac9d91d402dcc0cc8f8961229ac9187b42b4de10000';

/** {server} CertificateVerify handshake message (rsa_pss_rsae_sha256) (136 octets). */
export const CERTIFICATE_VERIFY =
  '0f000084080400805a747c5d88fa9bd2e55ab085a61015b7211f824cd484145a' +
  'b3ff52f1fda8477b0b7abc90db78e2d33a5c141a078653fa6bef780c5ea248ee' +
  'aaa785c4f394cab6d30bbe8d4859ee511f602957b15411ac027671459e46445c' +
  '9ea58c181e818e95b8c3fb0bf3278409d3be152a3da5043e063dda65cdf5aea2' +
  '0d53dfacd42f74f3';

/** {server} Finished handshake message (36 octets). */
export const SERVER_FINISHED =
  '140000209b9b141d906337fbd2cbdce71df4deda4ab42c309572cb7fffee5454' +
  'b78f0718';

/** {server} send handshake record: EE, Certificate, CertificateVerify, Finished (679 octets). */
export const SERVER_FLIGHT_RECORD =
  '17030302a2d1ff334a56f5bff6594a07cc87b580233f500f45e489e7f33af35e' +
  'df7869fcf40aa40aa2b8ea73f848a7ca07612ef9f945cb960b4068905123ea78' +
  'b111b429ba9191cd05d2a389280f526134aadc7fc78c4b729df828b5ecf7b13b' +
  'd9aefb0e57f271585b8ea9bb355c7c79020716cfb9b1183ef3ab20e37d57a6b9' +
  'd7477609aee6e122a4cf51427325250c7d0e509289444c9b3a648f1d71035d2e' +
  'd65b0e3cdd0cbae8bf2d0b227812cbb360987255cc744110c453baa4fcd61092' +
  '8d809810e4b7ed1a8fd991f06aa6248204797e36a6a73b70a2559c09ead68694' +
  '5ba246ab66e5edd8044b4c6de3fcf2a89441ac66272fd8fb330ef8190579b368' +
  '4596c960bd596eea520a56a8d650f563aad27409960dca63d3e688611ea5e22f' +
  '4415cf9538d51a200c27034272968a264ed6540c84838d89f72c24461aad6d26' +
  'f59ecaba9acbbb317b66d902f4f292a36ac1b639c637ce343117b65962224531' +
  '7b49eeda0c6258f100d7d961ffb138647e92ea330faeea6dfa31c7a84dc3bd7e' +
  '1b7a6c7178af36879018e3f252107f243d243dc7339d5684c8b0378bf30244da' +
  '8c87c843f5e56eb4c5e8280a2b48052cf93b16499a66db7cca71e4599426f7d4' +
  '61e66f99882bd89fc50800becca62d6c74116dbd2972fda1fa80f85df881edbe' +
  '5a37668936b335583b599186dc5c6918a396fa48a181d6b6fa4f9d62d513afbb' +
  '992f2b992f67f8afe67f76913fa388cb5630c8ca01e0c65d11c66a1e2ac4c859' +
  '77b7c7a6999bbf10dc35ae69f5515614636c0b9b68c19ed2e31c0b3b66763038' +
  'ebba42f3b38edc0399f3a9f23faa63978c317fc9fa66a73f60f0504de93b5b84' +
  '5e275592c12335ee340bbc4fddd502784016e4b3be7ef04dda49f4b440a30cb5' +
  'd2af939828fd4ae3794e44f94df5a631ede42c1719bfdabf0253fe5175be898e' +
  '750edc53370d2b';

/** {client} send handshake record: Finished (58 octets). */
export const CLIENT_FINISHED_RECORD =
  '170303003575ec4dc238cce60b298044a71e219c56cc77b0517fe9b93c7a4bfc' +
  '44d87f38f80338ac98fc46deb384bd1caeacab6867d726c40546';

/** {client} send application_data record, payload 00 01 .. 31 (72 octets). */
export const CLIENT_APP_RECORD =
  '1703030043a23f7054b62c94d0affafe8228ba55cbefacea42f914aa66bcab3f' +
  '2b9819a8a5b46b395bd54a9a20441e2b62974e1f5a6292a2977014bd1e3deae6' +
  '3aeebb21694915e4';

/** {server} send application_data record (sequence 1, after NewSessionTicket), payload 00 01 .. 31 (72 octets). */
export const SERVER_APP_RECORD =
  '17030300432e937e11ef4ac740e538ad36005fc4a46932fc3225d05f82aa1b36' +
  'e30efaf97d90e6dffc602dcb501a59a8fcc49c4bf2e5f0a21c0047c2abf33254' +
  '0dd032e167c2955d';
