export function createNetwork(count: number) { return `vpc-${count}`; }
