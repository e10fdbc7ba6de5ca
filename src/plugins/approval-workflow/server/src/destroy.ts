/** Nothing to stop: the plugin runs no timers or workers. */
const destroy = (): void => {};

export default destroy;
