import { runAnalyticsTask } from './analytics-task';

/**
 * The module each analytics worker thread loads (AnalyticsPool): piscina calls its default export
 * with one task and posts back the result.
 */
export default runAnalyticsTask;
