import http from "node:http";
import { TwitterApi, type ITwitterApiClientPlugin } from "twitter-api-v2";
import type { XConfig } from "@/lib/x/x-config";

type Enabled = Extract<XConfig, { enabled: true }>;

/**
 * twitter-api-v2 has no base-URL option: this plugin swaps scheme and host of every request
 * (https://api.x.com/2/tweets → <base>/2/tweets). Its https.request needs an http Agent for http:.
 */
function rebase(base: URL): ITwitterApiClientPlugin {
  return {
    onBeforeRequestConfig({ params }) {
      const url = new URL(params.url.startsWith("http") ? params.url : `https://${params.url}`);
      url.protocol = base.protocol;
      url.host = base.host;
      url.pathname = base.pathname.replace(/\/+$/, "") + url.pathname;
      params.url = url.toString();
    },
  };
}

const g = globalThis as unknown as { heraldXClients?: Map<string, TwitterApi> };
const cache = (g.heraldXClients ??= new Map());

/** One client per configuration (credentials or base URL changes make a new one). */
export function xClient(config: Enabled): TwitterApi {
  const key = JSON.stringify([config.appKey, config.appSecret, config.accessToken, config.accessSecret, config.baseUrl]);
  let client = cache.get(key);
  if (!client) {
    const base = config.baseUrl ? new URL(config.baseUrl) : null;
    client = new TwitterApi(
      { appKey: config.appKey, appSecret: config.appSecret, accessToken: config.accessToken, accessSecret: config.accessSecret },
      {
        plugins: base ? [rebase(base)] : [],
        ...(base?.protocol === "http:" ? { httpAgent: new http.Agent({ keepAlive: false }) } : {}),
      },
    );
    cache.set(key, client);
  }
  return client;
}
