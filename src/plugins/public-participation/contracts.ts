/**
 * What the plugin's server answers and its admin screens read: the shapes of the feedback
 * services' results (defined once, in the shared kernel) imported by both sides.
 */
export type {
  AgencyCount,
  Disposition,
  DispositionItem,
  DispositionItems,
  DispositionSummary,
  DraftCounts,
  ModerationStatus,
  ModerationSummary,
  WorkItem,
  WorkQueue,
} from '../../common/feedback';
