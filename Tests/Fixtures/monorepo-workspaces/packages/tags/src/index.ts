export const tags = { team: "platform" };
