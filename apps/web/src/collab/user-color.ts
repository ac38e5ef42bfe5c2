// The colour is part of the presence contract, which the collaboration server fills in from the session.
export { USER_COLORS, userColor } from '@concord/domain';
