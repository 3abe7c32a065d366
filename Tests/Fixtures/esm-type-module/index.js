import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
const config = new pulumi.Config();
export const greeting = config.require("greeting");
export const pet = new random.RandomPet("pet").id;
