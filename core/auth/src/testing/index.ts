export { startLocalOidcProvider, type LocalOidcProvider, type LocalOidcUser, type LocalOidcClient } from './local-oidc-provider';
export { signInOverHttp, fetchWithJar, CookieJar } from './sign-in-over-http';
