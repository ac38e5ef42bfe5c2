export { decodeRoundTrip, encodeRoundTrip, ROUND_TRIP_BOOKMARK } from './round-trip';
export type { RoundTripRecord } from './round-trip';
export { planWordUpload, threeWay, WordMismatchError } from './word-merge';
export type { LiveEdit, ThreeWayResult, WordIntent, WordPlan, WordPlanContext, WordUnplaced } from './word-merge';
