package com.medialake.lambda.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NamesTest {
    @Test
    void namesCarryTheStackSoRoleNamesNeverCollideAcrossRegions() {
        assertEquals("medialake-us-east-1-search_api", Names.function("us-east-1", "search_api"));
        assertNotEquals(Names.function("eu-west-1", "search_api"), Names.function("eu-west-2", "search_api"));
    }

    @Test
    void longNamesAreCutToSixtyFourCharactersAndStayUnique() {
        String a = Names.function("a-very-long-stack-name-for-a-staging-copy-of-the-fleet", "complete_multipart");
        String b = Names.function("a-very-long-stack-name-for-a-staging-copy-of-the-fleet", "complete_multipart2");
        assertEquals(64, a.length());
        assertNotEquals(a, b);
        assertEquals(a, Names.function("a-very-long-stack-name-for-a-staging-copy-of-the-fleet", "complete_multipart"));
        assertTrue(a.matches("[a-zA-Z0-9-_]+"));
    }

    @Test
    void stackNamesWithDotsBecomeValidNames() {
        assertEquals("medialake-prod-us-east-1-init_zip", Names.function("prod.us-east-1", "init_zip"));
    }

    @Test
    void partitionsFollowTheRegion() {
        assertEquals("aws", Names.partition("eu-west-2"));
        assertEquals("aws-cn", Names.partition("cn-north-1"));
        assertEquals("aws-us-gov", Names.partition("us-gov-west-1"));
    }

    @Test
    void aFunctionsLogGroupAndRoleFollowItsName() {
        String fn = Names.function("a-very-long-stack-name-for-a-staging-copy-of-the-fleet", "complete_multipart");
        // Lambda writes to /aws/lambda/<function name>, whatever the program names the group
        assertEquals("/aws/lambda/" + fn, Names.functionLogGroup(fn));
        assertEquals(fn, Names.functionRole(fn), "a function name is always a valid role name");
    }
}
