// Ink draws only the last frame, on exit, when the CI variable is set. The
// reader loads Ink only when stdout is a real terminal (anything else gets the
// plain call list), so live frames are always right — even for someone whose
// shell has CI=true, and for our end-to-end tests under CI.
const isInCi = false;
export default isInCi;
