// Ink imports react-devtools-core only when DEV=true. It is not installed and
// never wanted in the bundle; this empty module stands in for it.
export default {connectToDevTools() {}};
