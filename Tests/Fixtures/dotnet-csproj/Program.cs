using Pulumi;
using Pulumi.AzureNative.Resources;

return await Deployment.RunAsync(() =>
{
    var rg = new ResourceGroup("rg");
});
