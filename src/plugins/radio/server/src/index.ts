import controllers from './controllers';
import routes from './routes';

/** Radio admin tools. The content type itself is the app's `api::radio-script.radio-script`. */
export default {
  controllers,
  routes,
};
