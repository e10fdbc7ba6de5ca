/** Inbound Zalo OA events. Public (Zalo's servers hold no token); every request is signed instead. */
export default {
  routes: [
    {
      method: 'POST',
      path: '/zalo/webhook',
      handler: 'api::zalo.zalo.receive',
      config: { auth: false },
    },
  ],
};
