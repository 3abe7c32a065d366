exports.owner = 'ops';
