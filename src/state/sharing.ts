// The state layer's second entry, for what the first screen does not need: the link codec, share
// and embed builders, and the embed's message protocol (they bring zod, fflate and js-base64).
// Import it only from components that load on demand (the Share dialog, the embedded player).
export { decodeLinkFragment, encodeLinkState, LINK_KEY } from './link/codec';
export { buildEmbedCode, buildEmbedLink, buildMarkdownLink, buildShareLink } from './link/share';
export { MESSAGE_SOURCE, readHostMessage } from './link/embed-messages';
export { LINK_THEMES } from './link/schema';
