import controllers from './controllers';
import policies from './policies';
import routes from './routes';
import services from './services';

/** Radio admin tools. The content type itself is the app's `api::radio-script.radio-script`. */
export default {
  controllers,
  policies,
  routes,
  services,
};
