export const TABLE_NAME = 'alliance-cycle';
