import * as random from "@pulumi/random";
export const pet = new random.RandomPet("pet").id;
