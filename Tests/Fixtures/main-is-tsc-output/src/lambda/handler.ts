export const handler = async () => 'ok';
