/**
 * The pipeline, as the CLI, the batch workers, the bench and the tests call
 * it: recover → layout → render → proof → archive. Each stage is a function
 * of data; this is where they meet files, fonts and the browser.
 */
export { type BuildOptions, type Built, buildFiles, issueFolderName, PNG_DPI } from './build.js';
export { fitsTemplate, layoutStage } from './layout.js';
export { proofHtmlFile, proofPdfFile } from './proof.js';
export { type Recovered, recoverFile, recoverSource } from './recover.js';
export { renderStage } from './render.js';
export { quietReporter, type Reporter, reporter } from './report.js';
export { count, issueSummary, layoutSummary } from './summary.js';
