/**
 * What other flows may use of this flow: its use cases, its composition root and the model
 * they read. Everything else in this folder is the flow's own (the linter holds other flows to this file).
 */
export { documentDeps, documentRecords } from './deps';
export {
  ALLOWED_TYPES,
  type ContentType,
  type DocumentRecord,
  MAX_BYTES,
  type Owner,
  type UploadRefusal,
} from './document';
export type { UploadForm } from './files';
export { refusalMessage } from './texts';
export { confirmUpload, listDocuments, openDocument, ownerOf, prepareUpload } from './use-cases';
export { formActionFor, UploadFormView, UploadScript } from './upload-form';
export { boardPackLink, PACK_MAX_BYTES } from './board-pack';
