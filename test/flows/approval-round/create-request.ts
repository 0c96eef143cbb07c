/** The office's create-round request the approval round's handler tests send (a board, majority rule). */
export const validCreateRequest = {
  title: 'SPUK-aanvraag',
  summary: 'Akkoord?',
  bodyId: 'board',
  rule: { type: 'majority' },
  deadline: new Date(Date.now() + 30 * 86400_000).toISOString(),
  reminders: ['P3D'],
};
