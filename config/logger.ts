// LOG_LEVEL lets tests and operators quieten the request log (winston npm levels: error … silly).
export default {
  level: process.env.LOG_LEVEL ?? 'http',
};
