/**
 * The OA broadcast ("Gửi tin Truyền thông Broadcast"): `POST {ZALO_API_BASE}/v2.0/oa/message` with
 * the `access_token` header and the body below: a media template whose one element is an OA article
 * (`media_type: "article"`, `attachment_id`: the article's id), sent to the followers matching
 * `recipient.target` (`cities`: Zalo's city codes, comma-separated; other criteria: ages, gender,
 * locations, platform). Zalo answers `{ error: 0, message, data: { message_id } }`. Contract checked
 * against Zalo's official Java SDK example (zaloplatform/zalo-java-sdk,
 * src/test/java/v3/SendBroadcastMessage.java) and the redai-zalo-sdk broadcast types
 * (@warriorteam/redai-zalo-sdk dist/types/broadcast.d.ts: "cities … replaces locations").
 */
export type ZaloBroadcastMessage = {
  recipient: { target: { cities?: string } };
  message: {
    attachment: {
      type: 'template';
      payload: { template_type: 'media'; elements: Array<{ media_type: 'article'; attachment_id: string }> };
    };
  };
};

export const ZALO_BROADCAST_PATH = '/v2.0/oa/message';

/** The broadcast of one OA article, to every follower or to those of the given cities. */
export const broadcastMessage = (articleId: string, cities: string[]): ZaloBroadcastMessage => ({
  recipient: { target: cities.length > 0 ? { cities: cities.join(',') } : {} },
  message: {
    attachment: {
      type: 'template',
      payload: { template_type: 'media', elements: [{ media_type: 'article', attachment_id: articleId }] },
    },
  },
});
